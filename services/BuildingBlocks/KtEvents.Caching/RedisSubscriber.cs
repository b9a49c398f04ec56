using System.Buffers;
using System.Threading.Channels;

using KtEvents.Caching.Connections;
using KtEvents.Caching.Resp;

namespace KtEvents.Caching;

/// <summary>
/// The multiplexer's <see cref="ISubscriber"/>. It keeps the registry of handlers, which is the truth
/// about what should be subscribed: the dedicated connection re-sends SUBSCRIBE/PSUBSCRIBE for each
/// entry whenever it reconnects, before it takes commands again. Changes to the registry and their
/// commands are serialised (one at a time), so the wire never sees them out of order.
/// </summary>
internal sealed class RedisSubscriber(ConnectionMultiplexer multiplexer, ManagedConnection interactive) : ISubscriber, IPushHandler, IDisposable
{
    private readonly Dictionary<RedisChannel, Action<RedisChannel, RedisValue>[]> handlers = [];
    private readonly Lock handlersLock = new();
    private readonly SemaphoreSlim changes = new(1, 1);
    private readonly Channel<PushMessage> inbox = Channel.CreateUnbounded<PushMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private ManagedConnection? connection;
    private Task<Exception?>? firstAttempt;

    public IConnectionMultiplexer Multiplexer => multiplexer;

    public Task<long> PublishAsync(RedisChannel channel, RedisValue message) =>
        interactive.ExecuteAsync(RedisCommand.Publish, Replies.Integer, RequireName(channel).AsValue(), message);

    public async Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        RequireName(channel);
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = await ConnectAsync();
        await changes.WaitAsync();
        try
        {
            Add(channel, handler);
            try
            {
                await subscription.ExecuteAsync(channel.IsPattern ? RedisCommand.PSubscribe : RedisCommand.Subscribe, Replies.Any, channel.AsValue());
            }
            catch
            {
                Remove(channel, handler);
                throw;
            }
        }
        finally
        {
            changes.Release();
        }
    }

    public async Task UnsubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue>? handler = null)
    {
        RequireName(channel);
        await changes.WaitAsync();
        try
        {
            if (!Remove(channel, handler) || Volatile.Read(ref connection) is not { } subscription)
            {
                return;
            }
            try
            {
                await subscription.ExecuteAsync(channel.IsPattern ? RedisCommand.PUnsubscribe : RedisCommand.Unsubscribe, Replies.Any, channel.AsValue());
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                // The channel is out of the registry, so a reconnect will not restore it, and a message
                // that still arrives finds no handler and is dropped: either way, unsubscribed.
            }
        }
        finally
        {
            changes.Release();
        }
    }

    public async Task UnsubscribeAllAsync()
    {
        RedisChannel[] channels;
        lock (handlersLock)
        {
            channels = [.. handlers.Keys];
        }
        foreach (var channel in channels)
        {
            await UnsubscribeAsync(channel);
        }
    }

    /// <summary>On the subscriber connection's read loop: takes "message" and "pmessage" pushes.</summary>
    public bool TryHandle(in ReadOnlySequence<byte> reply)
    {
        if (reply.FirstSpan[0] != RespProtocol.Array)
        {
            return false;
        }
        var push = new RespReader(reply).ReadResult();
        switch (push.Length)
        {
            case 3 when (string?)push[0] == "message":
                var channel = RedisChannel.Literal((byte[]?)push[1] ?? []);
                inbox.Writer.TryWrite(new PushMessage(channel, channel, (RedisValue)push[2]));
                return true;
            case 4 when (string?)push[0] == "pmessage":
                var pattern = RedisChannel.Pattern((byte[]?)push[1] ?? []);
                inbox.Writer.TryWrite(new PushMessage(pattern, RedisChannel.Literal((byte[]?)push[2] ?? []), (RedisValue)push[3]));
                return true;
            default:
                return false;
        }
    }

    public void Dispose()
    {
        inbox.Writer.TryComplete();
        Volatile.Read(ref connection)?.Dispose();
    }

    /// <summary>Opens the subscriber connection on first use and waits (up to the connect timeout) for it.</summary>
    private async Task<ManagedConnection> ConnectAsync()
    {
        ManagedConnection subscription;
        Task<Exception?> first;
        lock (startLock)
        {
            if (connection is null)
            {
                Volatile.Write(ref connection, new ManagedConnection(multiplexer, ConnectionType.Subscription, this, RestoreAsync));
                firstAttempt = connection.StartAsync();
                _ = Task.Run(DispatchAsync);
            }
            subscription = connection;
            first = firstAttempt!;
        }
        try
        {
            await first.WaitAsync(TimeSpan.FromMilliseconds(multiplexer.Options.ConnectTimeout));
        }
        catch (TimeoutException)
        {
            // Not up yet: the command that follows fails fast with RedisConnectionException.
        }
        return subscription;
    }

    private async Task RestoreAsync(PhysicalConnection physical)
    {
        await changes.WaitAsync();
        try
        {
            RedisChannel[] channels;
            lock (handlersLock)
            {
                channels = [.. handlers.Keys];
            }
            var confirmations = channels
                .Select(channel => physical.SendAsync(channel.IsPattern ? RedisCommand.PSubscribe : RedisCommand.Subscribe, Replies.Any, [channel.AsValue()]))
                .ToArray();
            await Task.WhenAll(confirmations);
        }
        finally
        {
            changes.Release();
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var message in inbox.Reader.ReadAllAsync())
        {
            Action<RedisChannel, RedisValue>[]? targets;
            lock (handlersLock)
            {
                handlers.TryGetValue(message.Subscription, out targets);
            }
            foreach (var handler in targets ?? [])
            {
                try
                {
                    handler(message.Channel, message.Message);
                }
                catch (Exception ex)
                {
                    CachingLog.SubscriptionHandlerFailed(multiplexer.Logger, ex.GetType().Name, ex);
                }
            }
        }
    }

    private void Add(RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        lock (handlersLock)
        {
            handlers[channel] = handlers.TryGetValue(channel, out var existing) ? [.. existing, handler] : [handler];
        }
    }

    /// <summary>Removes one handler (or all when null); true when the channel has none left.</summary>
    private bool Remove(RedisChannel channel, Action<RedisChannel, RedisValue>? handler)
    {
        lock (handlersLock)
        {
            if (!handlers.TryGetValue(channel, out var existing))
            {
                return false;
            }
            var index = handler is null ? -1 : Array.IndexOf(existing, handler);
            if (handler is not null && index < 0)
            {
                return false;
            }
            Action<RedisChannel, RedisValue>[] remaining = handler is null ? [] : [.. existing[..index], .. existing[(index + 1)..]];
            if (remaining.Length > 0)
            {
                handlers[channel] = remaining;
                return false;
            }
            handlers.Remove(channel);
            return true;
        }
    }

    private static RedisChannel RequireName(RedisChannel channel) => channel.IsNullOrEmpty
        ? throw new ArgumentException("A channel name is required.", nameof(channel))
        : channel;
}
