namespace KtEvents.Distribution.Model;

/// <summary>How an owner's 재시도 or 취소 of one channel went.</summary>
public abstract record ChannelChange
{
    /// <summary>No such event of this owner, or the event was not sent to that channel.</summary>
    public sealed record NotFound : ChannelChange;

    /// <summary>The channel is not in a state that allows it; <see cref="Row"/> is how it is.</summary>
    public sealed record Refused(ChannelDistributionRow Row) : ChannelChange;

    public sealed record Changed(ChannelDistributionRow Row) : ChannelChange;
}
