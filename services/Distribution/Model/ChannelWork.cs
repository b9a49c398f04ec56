namespace KtEvents.Distribution.Model;

/// <summary>A channel row the worker claimed: the attempt it is making now, with its run.</summary>
public sealed record ChannelWork(
    DistributionRun Run,
    string Channel,
    IReadOnlyDictionary<string, string> Options,
    long ExpectedExposure,
    int Attempt)
{
    /// <summary>The same for every attempt and redelivery, so a channel never posts an event twice.</summary>
    public string IdempotencyKey => $"kt-{Run.EventId:N}-{Channel}";
}
