using System.Globalization;

using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KtEvents.ServiceDefaults.Tests.Resilience;

/// <summary>
/// A real HTTP server whose endpoints fail in the ways dependencies do. Every path takes a key, so that
/// tests sharing the server count their own requests in <see cref="Requests"/>.
/// </summary>
public sealed class FlakyServer : IAsyncLifetime
{
    private RunningApp _app = null!;

    public RequestLog Requests { get; } = new();

    public Uri BaseAddress => _app.BaseAddress;

    public async Task InitializeAsync() => _app = await RunningApp.StartAsync(app =>
    {
        // The first {failures} requests answer {status}, the rest 200.
        app.MapMethods("/flaky/{key}/{failures:int}/{status:int}", ["GET", "POST"], (string key, int failures, int status) =>
            Requests.Record(key) <= failures ? Results.StatusCode(status) : Results.Text("ok"));

        app.MapGet("/retry-after-delta/{key}/{seconds:int}", (string key, int seconds, HttpResponse response) =>
        {
            if (Requests.Record(key) > 1)
            {
                return Results.Text("ok");
            }

            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        });

        app.MapGet("/retry-after-date/{key}", (string key, HttpResponse response) =>
        {
            if (Requests.Record(key) > 1)
            {
                return Results.Text("ok");
            }

            response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(3).ToString("R", CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });

        app.MapGet("/status/{key}/{status:int}", (string key, int status) =>
        {
            Requests.Record(key);
            return Results.StatusCode(status);
        });

        app.MapGet("/hang/{key}", async (string key, HttpContext context) =>
        {
            Requests.Record(key);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        });
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
