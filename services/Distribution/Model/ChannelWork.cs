using System.Diagnostics;

namespace KtEvents.Distribution.Model;

/// <summary>
/// A channel row the worker claimed: the attempt it is making now (within its round of attempts), with
/// its run, and the trace its attempts continue (<see cref="Telemetry.DistributionTelemetry"/>).
/// </summary>
public sealed record ChannelWork(
    DistributionRun Run,
    string Channel,
    IReadOnlyDictionary<string, string> Options,
    long ExpectedExposure,
    int Attempt,
    int Round = 1,
    ActivityContext Trace = default)
{
    /// <summary>
    /// One key per (event, channel), the same for every attempt, every redelivery and every 재시도.
    /// The channels remember the answer of a post they accepted under a key and replay it; they keep
    /// nothing for one they refused or failed (a 4xx, a 5xx, a timeout before acceptance). So on a
    /// retry the same key is right both ways: when the last attempt did reach the channel but its
    /// answer was lost (a timeout, a crash: "결과를 확인하지 못했습니다"), the retry gets that post's
    /// answer back and stores it instead of posting twice; when it did not, nothing is stored under
    /// the key and the retry is a real, fresh post. A key per round would duplicate the first case;
    /// the run's content never changes, so there is nothing a new key would need to carry.
    /// </summary>
    public string IdempotencyKey => $"kt-{Run.EventId:N}-{Channel}";
}
