using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Caching;
using KtEvents.Contracts.Ai.V1;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Ai.Tests;

/// <summary>The second cache level (seed 003 §1.1): similar events per industry, region and season, 30 minutes.</summary>
[Collection(AiServiceCollection.Name)]
public sealed class SimilarCasesCacheTests(AiServiceFixture service) : IDisposable
{
    // The service runs in this process, so its spans can be listened to; the key tells this test's apart.
    private readonly ConcurrentQueue<Activity> spans = new();
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name == "KtEvents.Ai",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task UFR_AI_010_similar_events_are_cached_for_30_minutes_per_industry_region_and_season_and_shared_by_purposes()
    {
        listener.ActivityStopped = spans.Enqueue;
        ActivitySource.AddActivityListener(listener);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(10);
        // A region no other test asks about, so the first request is cold.
        const string address = "제주특별자치도 서귀포시 중정로 1";
        var key = $"ai:similar:v1:beauty:d{await DataVersionAsync("beauty")}:제주/서귀포시:{Season(date)}";
        var redis = service.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

        await service.Client.RecommendAsync(Request(EventPurpose.Sales, date, address), service.AsOwner());
        var ttl = await redis.KeyTimeToLiveAsync(key);
        var revisit = await service.Client.RecommendAsync(Request(EventPurpose.Revisit, date, address), service.AsOwner());

        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(30));
        Assert.False(revisit.Metadata.CacheHit);
        var lookups = spans.Where(s => s.OperationName == "ai.cache.similar" && (string?)s.GetTagItem("ai.cache.key") == key).ToList();
        Assert.Equal([false, true], lookups.Select(s => (bool?)s.GetTagItem("ai.cache.hit")));
    }

    public void Dispose() => listener.Dispose();

    private async Task<long> DataVersionAsync(string industry) =>
        (long?)await service.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync($"ai:data-version:{industry}") ?? 0;

    private static string Season(DateOnly date) => date.Month switch
    {
        3 or 4 or 5 => "spring",
        6 or 7 or 8 => "summer",
        9 or 10 or 11 => "autumn",
        _ => "winter",
    };

    private static RecommendRequest Request(EventPurpose purpose, DateOnly date, string address) => new()
    {
        StoreName = "모카미용실",
        Industry = "beauty",
        Address = address,
        Purpose = purpose,
        Date = date.ToString("yyyy-MM-dd"),
    };
}
