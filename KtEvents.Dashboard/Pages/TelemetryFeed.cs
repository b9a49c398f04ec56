using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KtEvents.Dashboard.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Dashboard.Pages;

/// <summary>
/// <c>/telemetry/stream</c>: one server-sent event per export, so the Traces and Structured logs
/// pages can offer a refresh when something new arrived instead of re-rendering under the reader.
/// </summary>
internal static class TelemetryFeed
{
    public const string Path = "/telemetry/stream";

    public static ServerSentEventsResult<string> Stream(TelemetryStore store, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Changes(store, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> Changes(TelemetryStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = store.Subscribe();

        // Disposing completes the reader, so the loop below ends when the browser goes away.
        using var stop = cancellationToken.Register(subscription.Dispose);
        yield return new SseItem<string>("connected", "ready");
        await foreach (var change in subscription.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(change, JsonSerializerOptions.Web), "change");
        }
    }
}
