using System.Collections.Concurrent;
using System.Diagnostics;

namespace KtEvents.Caching.Tests.Support;

/// <summary>Records every span of the "KtEvents.Caching" source while it lives (from all tests running at the time).</summary>
internal sealed class SpanCollector : IDisposable
{
    private readonly ActivityListener listener;

    public SpanCollector()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "KtEvents.Caching",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    public void Dispose() => listener.Dispose();
}
