using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>Posts an event to one channel over that channel's own HTTP API.</summary>
public interface IChannelAdapter
{
    /// <summary>The channel code (<see cref="KtEvents.Contracts.Channels.ChannelCodes"/>).</summary>
    string Channel { get; }

    /// <summary>SNS channels post the event's image, so the worker fetches it from Content first.</summary>
    bool NeedsImage { get; }

    /// <summary>One attempt. Throws <see cref="ChannelPostException"/> when the post did not go through.</summary>
    Task<ChannelPostResult> PostAsync(ChannelWork work, ChannelImage? image, CancellationToken cancellationToken);
}
