using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>Every <c>ai.prediction.error</c> the service records while this lives, with its industry and measure tags.</summary>
public sealed class PredictionErrorListener : IDisposable
{
    private readonly ConcurrentQueue<(double Value, string? Industry, string? Measure)> _recorded = new();
    private readonly MeterListener _listener = new();

    public PredictionErrorListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "KtEvents.Ai" && instrument.Name == "ai.prediction.error")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var all = tags.ToArray();
            _recorded.Enqueue((value, Tag(all, "industry"), Tag(all, "measure")));
        });
        _listener.Start();
    }

    /// <summary>Whether an error of <paramref name="value"/> (to 1e-9) was recorded for the industry and measure.</summary>
    public bool Has(double value, string industry, string measure) =>
        _recorded.Any(r => Math.Abs(r.Value - value) < 1e-9 && r.Industry == industry && r.Measure == measure);

    public void Dispose() => _listener.Dispose();

    private static string? Tag(KeyValuePair<string, object?>[] tags, string key) => tags.FirstOrDefault(t => t.Key == key).Value as string;
}
