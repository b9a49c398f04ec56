using KtEvents.Distribution.Channels;

namespace KtEvents.Distribution.Model;

/// <summary>How an attempt ended: posted, to be tried again after a delay, or given up.</summary>
public abstract record ChannelOutcome
{
    public sealed record Succeeded(ChannelPostResult Result) : ChannelOutcome;

    public sealed record RetryLater(string ErrorMessage, TimeSpan Delay) : ChannelOutcome;

    public sealed record Failed(string ErrorMessage) : ChannelOutcome;
}
