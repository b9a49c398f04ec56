using System.Collections.Concurrent;
using System.Diagnostics;

using OpenTelemetry;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>Keeps every span the TracerProvider ends, as an exporter would receive them.</summary>
internal sealed class CapturingProcessor(ConcurrentQueue<Activity> ended) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data) => ended.Enqueue(data);
}
