using System.Collections.Concurrent;
using System.Diagnostics;

namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>
/// Listens, as OpenTelemetry would, to the ActivitySources of our client, HttpClient and ASP.NET Core,
/// and keeps the finished activities. Process-wide, so tests filter by their own trace id.
/// </summary>
public static class ActivityCapture
{
    private static readonly ConcurrentQueue<Activity> Stopped = new();

    private static readonly ActivityListener Listener = CreateListener();

    public static IReadOnlyList<Activity> InTrace(ActivityTraceId traceId)
    {
        GC.KeepAlive(Listener);
        return Stopped.Where(a => a.TraceId == traceId).ToList();
    }

    /// <summary>
    /// The trace's finished activities once one matches <paramref name="until"/>: a server's request
    /// activity stops just after its response is on the wire, so it may trail the caller by a moment.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> InTraceAsync(ActivityTraceId traceId, Func<Activity, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var activities = InTrace(traceId);
            if (activities.Any(until))
            {
                return activities;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Call before the activities of interest start.</summary>
    public static void Start() => GC.KeepAlive(Listener);

    private static ActivityListener CreateListener()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GrpcDiagnostics.ActivitySourceName or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
