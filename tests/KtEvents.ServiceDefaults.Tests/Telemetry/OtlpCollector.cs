using System.Collections.Concurrent;

using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KtEvents.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// Accepts OTLP over http/protobuf like the AppHost's dashboard does, and keeps what arrived.
/// The body is not decoded; strings in protobuf are plain UTF-8, which is enough to recognise them.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpExport> _exports = new();
    private RunningApp _app = null!;

    public Uri Endpoint => _app.BaseAddress;

    public IReadOnlyList<OtlpExport> Exports => [.. _exports];

    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector();
        collector._app = await RunningApp.StartAsync(app =>
        {
            foreach (var signal in new[] { "traces", "metrics", "logs" })
            {
                app.MapPost($"/v1/{signal}", async (HttpRequest request) =>
                {
                    using var body = new MemoryStream();
                    await request.Body.CopyToAsync(body);
                    collector._exports.Enqueue(new OtlpExport(request.Path, request.ContentType, body.ToArray()));
                    // An empty Export*ServiceResponse message is zero bytes.
                    return Results.Bytes([], "application/x-protobuf");
                });
            }
        });
        return collector;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
