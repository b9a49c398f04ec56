namespace KtEvents.Distribution.Channels;

/// <summary>
/// A post that did not go through. <see cref="Transient"/> failures (5xx, 408, 429, network, timeouts)
/// are worth another attempt; the others (the channel rejected what we sent) are not.
/// <see cref="OwnerMessage"/> is Korean, for the owner.
/// </summary>
public sealed class ChannelPostException(string ownerMessage, bool transient, Exception? inner = null)
    : Exception(ownerMessage, inner)
{
    public string OwnerMessage { get; } = ownerMessage;

    public bool Transient { get; } = transient;
}
