using System.Buffers;

using KtEvents.Caching.Resp;

namespace KtEvents.Caching.Connections;

/// <summary>A command written to a connection and waiting, in FIFO order, for its reply.</summary>
internal interface IPendingReply
{
    RedisCommand Command { get; }

    /// <summary>When the command times out (<see cref="Environment.TickCount64"/> milliseconds).</summary>
    long Deadline { get; set; }

    void SetReply(in ReadOnlySequence<byte> reply);

    void SetError(Exception exception);
}
