using System.Buffers;

namespace KtEvents.Caching.Connections;

/// <summary>
/// Takes the replies that answer no command: pub/sub messages on the subscriber connection. Returns
/// false for anything else, which then goes to the oldest pending command.
/// </summary>
internal interface IPushHandler
{
    bool TryHandle(in ReadOnlySequence<byte> reply);
}
