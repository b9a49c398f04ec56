using System.Diagnostics.Metrics;

using KtEvents.Messaging.Diagnostics;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>Sums one of the event bus's counters for one queue, as a metrics exporter would.</summary>
internal sealed class CounterProbe : IDisposable
{
    private readonly MeterListener listener = new();
    private long total;

    public CounterProbe(string instrument, string queue)
    {
        listener.InstrumentPublished = (candidate, meterListener) =>
        {
            if (candidate.Meter.Name == MessagingTelemetry.SourceName && candidate.Name == instrument)
            {
                meterListener.EnableMeasurementEvents(candidate);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == MessagingTelemetry.DestinationTag && Equals(tag.Value, queue))
                {
                    Interlocked.Add(ref total, value);
                }
            }
        });
        listener.Start();
    }

    public long Total => Interlocked.Read(ref total);

    public void Dispose() => listener.Dispose();
}
