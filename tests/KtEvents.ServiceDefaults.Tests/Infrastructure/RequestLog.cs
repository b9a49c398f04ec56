using System.Collections.Concurrent;
using System.Diagnostics;

namespace KtEvents.ServiceDefaults.Tests.Infrastructure;

/// <summary>Server-side record of when each request for a key arrived (monotonic timestamps).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _arrivals = new();

    /// <summary>Records an arrival and returns how many requests for <paramref name="key"/> came so far, this one included.</summary>
    public int Record(string key)
    {
        var queue = _arrivals.GetOrAdd(key, _ => new ConcurrentQueue<long>());
        queue.Enqueue(Stopwatch.GetTimestamp());
        return queue.Count;
    }

    public int Count(string key) => _arrivals.TryGetValue(key, out var queue) ? queue.Count : 0;

    /// <summary>Time between the server receiving request <paramref name="first"/> and request <paramref name="second"/> (0-based).</summary>
    public TimeSpan Between(string key, int first, int second)
    {
        var arrivals = _arrivals[key].ToArray();
        return Stopwatch.GetElapsedTime(arrivals[first], arrivals[second]);
    }
}
