using System.Buffers;

using KtEvents.Caching.Resp;

namespace KtEvents.Caching.Connections;

/// <summary>
/// The task a caller awaits, completed by the read loop with the parsed reply, or by a timeout or a
/// broken connection, whichever comes first; the others are then ignored. Continuations run on the
/// thread pool so that no caller's code ever runs on (and stalls) the connection's read loop.
/// </summary>
internal sealed class PendingReply<T>(RedisCommand command, ReplyParser<T> parser)
    : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingReply
{
    public RedisCommand Command => command;

    public long Deadline { get; set; }

    public void SetReply(in ReadOnlySequence<byte> reply)
    {
        if (Task.IsCompleted)
        {
            return; // timed out earlier: the late reply is consumed and dropped
        }
        try
        {
            TrySetResult(parser(reply));
        }
        catch (RedisException ex)
        {
            TrySetException(ex);
        }
        catch (InvalidCastException ex)
        {
            TrySetException(new RedisException($"Unexpected reply to {command.Name}: {ex.Message}", ex));
        }
    }

    public void SetError(Exception exception) => TrySetException(exception);
}
