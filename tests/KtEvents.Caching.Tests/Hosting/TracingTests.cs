using System.Diagnostics;

using KtEvents.Caching.Tests.Support;

namespace KtEvents.Caching.Tests.Hosting;

public sealed class TracingTests
{
    [Fact]
    public async Task EachCommandIsAClientSpanNamedAfterItsOperationWithoutKeysOrValues()
    {
        using var spans = new SpanCollector();
        await using var redis = await TestRedis.ConnectSharedAsync();
        var db = redis.GetDatabase();
        var key = TestRedis.Key("customer-홍길동");
        const string Phone = "010-1234-5678";
        using var parent = new Activity("tracing-test").Start();

        await db.StringSetAsync(key, Phone);
        Assert.Same(parent, Activity.Current); // the span did not become the caller's current activity
        await Assert.ThrowsAsync<RedisServerException>(() => db.HashGetAsync(key, "field"));

        var ours = spans.Stopped.Where(span => span.ParentId == parent.Id).ToList();
        var set = Assert.Single(ours, span => span.OperationName == "SET");
        Assert.Equal(ActivityKind.Client, set.Kind);
        Assert.Equal("redis", set.GetTagItem("db.system"));
        Assert.Equal("SET", set.GetTagItem("db.operation"));
        Assert.Equal("SET", set.GetTagItem("db.operation.name"));
        Assert.Equal(ActivityStatusCode.Unset, set.Status);
        var failed = Assert.Single(ours, span => span.OperationName == "HGET");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(RedisServerException).FullName, failed.GetTagItem("error.type"));

        foreach (var tag in ours.SelectMany(span => span.TagObjects))
        {
            var text = tag.Value?.ToString() ?? "";
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        }
    }
}
