using System.Net;
using System.Text;
using System.Text.Json;

using KtEvents.ServiceDefaults.Errors;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KtEvents.ServiceDefaults.Tests.Errors;

public sealed class ProblemDetailsTests
{
    private const string SecretMessage = "connection string Password=hunter2 was wrong";

    [Fact]
    public async Task Unhandled_exception_becomes_a_500_problem_without_the_exception_text()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(ProblemCodes.InternalError, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Malformed_json_body_is_a_400_problem(string environment)
    {
        await using var app = await StartAsync(environment);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/items", new StringContent("{\"name\": \"커피\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (environment == "Production")
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(ProblemCodes.BadRequest, problem.RootElement.GetProperty("code").GetString());
            Assert.Equal("요청 형식이 올바르지 않습니다.", problem.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_a_400_problem()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/items", new StringContent("""{"name": 1, "quantity": "many"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ProblemCodes.NotFound, problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Problems_helper_keeps_the_endpoint_code_and_korean_detail()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var conflict = await client.GetAsync("/conflict");
        using var invalid = await client.GetAsync("/invalid");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        using var conflictProblem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Equal("event_already_approved", conflictProblem.RootElement.GetProperty("code").GetString());
        Assert.Equal("이미 승인된 이벤트입니다.", conflictProblem.RootElement.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var validation = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.Equal(ProblemCodes.ValidationFailed, validation.RootElement.GetProperty("code").GetString());
        Assert.Equal("전화번호 형식을 확인해 주세요.", validation.RootElement.GetProperty("errors").GetProperty("phone")[0].GetString());
    }

    private static Task<RunningApp> StartAsync(string environment = "Production") => RunningApp.StartAsync(
        app =>
        {
            app.MapDefaultEndpoints();
            app.MapGet("/boom", string () => throw new InvalidOperationException(SecretMessage));
            app.MapPost("/items", (ItemRequest item) => TypedResults.Ok(item));
            app.MapGet("/conflict", () => Problems.Create(StatusCodes.Status409Conflict, "event_already_approved", "이미 승인된 이벤트입니다."));
            app.MapGet("/invalid", () => Problems.Validation(new Dictionary<string, string[]>
            {
                ["phone"] = ["전화번호 형식을 확인해 주세요."],
            }));
        },
        builder => builder.AddServiceDefaults(),
        environment);
}
