using System.Collections.Concurrent;

using KtEvents.Caching.Tests.Support;
using KtEvents.Testing;

namespace KtEvents.Caching.Tests.Connections;

public sealed class PubSubTests : IAsyncLifetime
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(5);

    private ConnectionMultiplexer redis = null!;
    private ISubscriber subscriber = null!;

    public async Task InitializeAsync()
    {
        redis = await TestRedis.ConnectSharedAsync();
        subscriber = redis.GetSubscriber();
    }

    public Task DisposeAsync() => redis.DisposeAsync().AsTask();

    [Fact]
    public async Task PublishedMessageReachesTheHandler()
    {
        var channel = RedisChannel.Literal(TestRedis.Key("channel"));
        var received = new TaskCompletionSource<(RedisChannel Channel, RedisValue Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(channel, (ch, message) => received.TrySetResult((ch, message)));

        Assert.Equal(1, await subscriber.PublishAsync(channel, "참가 1건"));

        var (from, payload) = await received.Task.WaitAsync(Delivery);
        Assert.Equal(channel, from);
        Assert.Equal("참가 1건", (string?)payload);
    }

    [Fact]
    public async Task BinaryPayloadsArriveUnchangedAndInOrder()
    {
        var channel = RedisChannel.Literal(TestRedis.Key("binary"));
        var received = new ConcurrentQueue<byte[]>();
        await subscriber.SubscribeAsync(channel, (_, message) => received.Enqueue((byte[])message!));

        var payloads = Enumerable.Range(0, 100).Select(i => new byte[] { (byte)i, 0, 13, 10, 255 }).ToArray();
        foreach (var payload in payloads)
        {
            await subscriber.PublishAsync(channel, payload);
        }
        await Poll.UntilAsync(() => Task.FromResult(received.Count == payloads.Length), Delivery, "all messages arrive");
        Assert.Equal(payloads, received.ToArray());
    }

    [Fact]
    public async Task EachHandlerGetsTheMessageUntilItUnsubscribes()
    {
        var channel = RedisChannel.Literal(TestRedis.Key("handlers"));
        var first = new ConcurrentQueue<string>();
        var second = new ConcurrentQueue<string>();
        Action<RedisChannel, RedisValue> firstHandler = (_, message) => first.Enqueue(message.ToString());
        await subscriber.SubscribeAsync(channel, firstHandler);
        await subscriber.SubscribeAsync(channel, (_, message) => second.Enqueue(message.ToString()));

        Assert.Equal(1, await subscriber.PublishAsync(channel, "to both"));
        await Poll.UntilAsync(() => Task.FromResult(first.Count == 1 && second.Count == 1), Delivery, "both handlers run");

        await subscriber.UnsubscribeAsync(channel, firstHandler);
        Assert.Equal(1, await subscriber.PublishAsync(channel, "to the second"));
        await Poll.UntilAsync(() => Task.FromResult(second.Count == 2), Delivery, "the remaining handler runs");
        Assert.Equal(["to both"], first);

        await subscriber.UnsubscribeAsync(channel);
        Assert.Equal(0, await subscriber.PublishAsync(channel, "to nobody"));
    }

    [Fact]
    public async Task PatternSubscriptionGetsTheActualChannel()
    {
        var prefix = TestRedis.Key("pattern");
        var received = new TaskCompletionSource<(string Channel, string Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(RedisChannel.Pattern($"{prefix}:*"), (channel, message) => received.TrySetResult((channel.ToString(), message.ToString())));

        Assert.Equal(1, await subscriber.PublishAsync(RedisChannel.Literal($"{prefix}:event-42"), "progress"));

        Assert.Equal(($"{prefix}:event-42", "progress"), await received.Task.WaitAsync(Delivery));
        await subscriber.UnsubscribeAsync(RedisChannel.Pattern($"{prefix}:*"));
        Assert.Equal(0, await subscriber.PublishAsync(RedisChannel.Literal($"{prefix}:event-42"), "after"));
    }

    [Fact]
    public async Task AThrowingHandlerDoesNotStopTheOthers()
    {
        var channel = RedisChannel.Literal(TestRedis.Key("throwing"));
        var received = new ConcurrentQueue<string>();
        await subscriber.SubscribeAsync(channel, (_, _) => throw new InvalidOperationException("handler bug"));
        await subscriber.SubscribeAsync(channel, (_, message) => received.Enqueue(message.ToString()));

        await subscriber.PublishAsync(channel, "one");
        await subscriber.PublishAsync(channel, "two");
        await Poll.UntilAsync(() => Task.FromResult(received.Count == 2), Delivery, "both messages reach the healthy handler");
    }

    [Fact]
    public async Task SubscribingWhileRedisIsDownFailsAndRegistersNothing()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var redis = await TestRedis.ConnectAsync(server, ",connectTimeout=500");
        await server.StopAsync();
        var channel = RedisChannel.Literal("down");
        var calls = 0;

        await Assert.ThrowsAsync<RedisConnectionException>(() => redis.GetSubscriber().SubscribeAsync(channel, (_, _) => calls++));

        await server.StartAsync();
        // A subscription that succeeds shows the subscriber connection is back with whatever it restored.
        var probe = RedisChannel.Literal("probe");
        await Poll.UntilSucceedsAsync(async () =>
        {
            await redis.GetSubscriber().SubscribeAsync(probe, (_, _) => { });
            return true;
        }, TimeSpan.FromSeconds(5), "the subscriber connection is back");
        // PUBLISH goes over the interactive connection, which reconnects on its own schedule.
        await Poll.UntilSucceedsAsync(async () => await redis.GetSubscriber().PublishAsync(probe, "listened to") == 1,
            TimeSpan.FromSeconds(5), "the probe subscription answers");
        Assert.Equal(0, await redis.GetSubscriber().PublishAsync(channel, "nobody listens"));
        Assert.Equal(0, calls);
    }
}
