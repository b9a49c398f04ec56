using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using KtEvents.Sandbox.Apis;
using KtEvents.Sandbox.Nts;

using Microsoft.AspNetCore.Mvc.Testing;

namespace KtEvents.Sandbox.Tests;

/// <summary>The fake 국세청 status API speaks the real one's wire format (UFR-USER-010's business-number check).</summary>
public sealed class NtsApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string StatusUri = $"{NtsApi.StatusPath}?serviceKey={NtsApi.DefaultServiceKey}";

    [Fact]
    public async Task UFR_USER_010_A_number_with_a_valid_check_digit_is_an_active_business_in_the_real_wire_format()
    {
        using var response = await PostAsync(StatusUri, """{"b_no":["1234567891"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("OK", root.GetProperty("status_code").GetString());
        Assert.Equal(1, root.GetProperty("request_cnt").GetInt32());
        Assert.Equal(1, root.GetProperty("match_cnt").GetInt32());
        var entry = Assert.Single(root.GetProperty("data").EnumerateArray().ToList());
        Assert.Equal("1234567891", entry.GetProperty("b_no").GetString());
        Assert.Equal("계속사업자", entry.GetProperty("b_stt").GetString());
        Assert.Equal("01", entry.GetProperty("b_stt_cd").GetString());
        Assert.Equal("부가가치세 일반과세자", entry.GetProperty("tax_type").GetString());
        foreach (var field in new[] { "tax_type_cd", "end_dt", "utcc_yn", "tax_type_change_dt", "invoice_apply_dt", "rbf_tax_type", "rbf_tax_type_cd" })
        {
            Assert.Equal(JsonValueKind.String, entry.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task UFR_USER_010_The_registry_answers_each_number_in_request_order()
    {
        string[] numbers = ["2000000008", "3000000007", "4000000006", "1234567890", "123-45-67891", "1000000009"];

        using var response = await PostAsync(StatusUri, JsonSerializer.Serialize(new { b_no = numbers }));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = body.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(numbers, data.Select(entry => entry.GetProperty("b_no").GetString()));
        Assert.Equal(["02", "03", "", "", "", "01"], data.Select(entry => entry.GetProperty("b_stt_cd").GetString()));
        Assert.Equal(["휴업자", "폐업자", "", "", "", "계속사업자"], data.Select(entry => entry.GetProperty("b_stt").GetString()));
        Assert.Equal(
            Enumerable.Repeat(NtsBusinessStatus.UnregisteredText, 3),
            data.Skip(2).Take(3).Select(entry => entry.GetProperty("tax_type").GetString()));
        Assert.Equal("20240101", data[1].GetProperty("end_dt").GetString());
        Assert.Equal(6, body.RootElement.GetProperty("request_cnt").GetInt32());
        Assert.Equal(3, body.RootElement.GetProperty("match_cnt").GetInt32());
    }

    [Fact]
    public void The_registrys_special_numbers_pass_the_check_digit_so_that_the_nts_answer_decides()
    {
        Assert.All(
            [NtsRegistry.SuspendedNumber, NtsRegistry.ClosedNumber, NtsRegistry.UnregisteredNumber, "1234567891", "1000000009"],
            number => Assert.True(BusinessNumberCheckDigit.IsValid(number), number));
        Assert.False(BusinessNumberCheckDigit.IsValid("1234567890"));
    }

    [Theory]
    [InlineData(NtsApi.StatusPath, -401)]
    [InlineData($"{NtsApi.StatusPath}?serviceKey=", -401)]
    [InlineData($"{NtsApi.StatusPath}?serviceKey=someone-elses-key", -4)]
    public async Task A_missing_or_unknown_service_key_is_refused_by_the_gateway(string uri, int code)
    {
        using var response = await PostAsync(uri, """{"b_no":["1234567891"]}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<NtsGatewayError>();
        Assert.Equal(code, error!.Code);
        Assert.Contains("인증키", error.Message);
    }

    [Theory]
    [InlineData("{\"b_no\":", HttpStatusCode.BadRequest, "BAD_JSON_REQUEST")]
    [InlineData("{}", HttpStatusCode.LengthRequired, "REQUEST_DATA_MALFORMED")]
    [InlineData("{\"b_no\":[]}", HttpStatusCode.LengthRequired, "REQUEST_DATA_MALFORMED")]
    public async Task A_bad_body_gets_the_apis_status_code(string body, HttpStatusCode status, string statusCode)
    {
        using var response = await PostAsync(StatusUri, body);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(statusCode, (await response.Content.ReadFromJsonAsync<NtsStatusError>())!.StatusCode);
    }

    [Fact]
    public async Task At_most_100_numbers_per_request()
    {
        var hundred = Enumerable.Range(0, 100).Select(_ => "1234567891").ToArray();
        using var ok = await PostAsync(StatusUri, JsonSerializer.Serialize(new { b_no = hundred }));
        using var tooMany = await PostAsync(StatusUri, JsonSerializer.Serialize(new { b_no = hundred.Append("1000000009") }));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal("TOO_LARGE_REQUEST", (await tooMany.Content.ReadFromJsonAsync<NtsStatusError>())!.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string uri, string json)
    {
        using var client = factory.CreateClient();
        return await client.PostAsync(uri, new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
