using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using KtEvents.Sandbox.Channels;

namespace KtEvents.Sandbox.Tests;

/// <summary>
/// The six fake channel APIs Distribution posts to (UFR-DIST-010): each checks its input, answers in
/// its own format, honours the idempotency key, records what it received, and fails on demand.
/// </summary>
public sealed class ChannelApisTests(ChannelSandboxFactory factory) : IClassFixture<ChannelSandboxFactory>
{
    private static readonly object Image = new { content_type = "image/svg+xml", data = Convert.ToBase64String(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")) };

    private readonly HttpClient _http = factory.CreateClient();

    public static TheoryData<string, string, string, string, object> Posts => new()
    {
        { NaverBlogApi.Channel, "POST", "/naver/blog/writePost.json", "message.result.logNo", new { title = "[카페] 1+1", contents = "<p>이벤트</p>", image = Image } },
        { KakaoChannelApi.Channel, "POST", "/kakao/v1/channels/_kt/posts", "post_id", new { title = "[카페] 1+1", content = "이벤트", image = Image } },
        { UridongneTvApi.Channel, "POST", "/uridongne-tv/v1/broadcasts", "broadcastId", new { storeName = "카페", title = "1+1", radius = "1km", timeSlot = "weekday_evening", durationSeconds = 15, startsAt = "2026-12-01T00:00:00Z", endsAt = "2026-12-08T00:00:00Z" } },
        { RingoBizApi.Channel, "PUT", "/ringobiz/v1/ringback-tones/0212345678", "toneId", new { storeName = "카페", message = "안녕하세요, 카페입니다." } },
        { GenieTvApi.Channel, "POST", "/genietv/v1/ad-bookings", "adId", new { advertiser = "카페", title = "1+1", region = "서울 마포구", timeSlot = "all_day", budgetKrw = 500_000, startsAt = "2026-12-01T00:00:00Z", endsAt = "2026-12-04T00:00:00Z" } },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task UFR_DIST_010_each_channel_posts_once_per_idempotency_key(string channel, string method, string path, string idPath, object body)
    {
        var key = $"test-{Guid.NewGuid():N}";

        using var first = await SendAsync(method, path, body, key);
        using var second = await SendAsync(method, path, body, key);

        Assert.True(first.IsSuccessStatusCode, $"{channel}: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues(ChannelEndpoint.ReplayedHeader).Single());
        var answer = await first.Content.ReadFromJsonAsync<JsonNode>();
        var replay = await second.Content.ReadFromJsonAsync<JsonNode>();
        Assert.True(JsonNode.DeepEquals(answer, replay));
        var id = idPath.Split('.').Aggregate(answer, (node, name) => node?[name])?.ToString();
        Assert.False(string.IsNullOrEmpty(id));

        var post = Assert.Single(await PostsAsync(key));
        Assert.Equal(channel, (string?)post["channel"]);
        Assert.Equal(id, (string?)post["externalId"]);
    }

    [Fact]
    public async Task UFR_DIST_010_instagram_publishes_a_media_container_and_answers_its_permalink()
    {
        var key = $"test-{Guid.NewGuid():N}";
        using var container = await SendAsync("POST", "/instagram/v21.0/178414/media", new { caption = "겨울 이벤트", media_type = "IMAGE", image = Image }, key);
        var containerId = (string?)(await container.Content.ReadFromJsonAsync<JsonNode>())!["id"];

        using var published = await SendAsync("POST", "/instagram/v21.0/178414/media_publish", new { creation_id = containerId }, key);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var media = (await published.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Matches("^[0-9]{17}$", (string?)media["id"]);
        Assert.StartsWith("https://www.instagram.com/p/", (string?)media["permalink"]);
        var post = Assert.Single(await PostsAsync(key));
        Assert.Equal(((string?)media["id"], (string?)media["permalink"]), ((string?)post["externalId"], (string?)post["url"]));

        using var withoutImage = await SendAsync("POST", "/instagram/v21.0/178414/media", new { caption = "겨울 이벤트" }, key);
        Assert.Equal(HttpStatusCode.BadRequest, withoutImage.StatusCode);
        using var unknownContainer = await SendAsync("POST", "/instagram/v21.0/178414/media_publish", new { creation_id = "1" }, $"test-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.BadRequest, unknownContainer.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/ringobiz/v1/ringback-tones/12345", """{"storeName":"카페","message":"안녕하세요"}""", "phone")]
    [InlineData("POST", "/genietv/v1/ad-bookings", """{"advertiser":"카페","title":"1+1","region":"서울","timeSlot":"all_day","budgetKrw":50000,"startsAt":"2026-12-01T00:00:00Z","endsAt":"2026-12-04T00:00:00Z"}""", "budgetKrw")]
    [InlineData("POST", "/uridongne-tv/v1/broadcasts", """{"storeName":"카페","title":"1+1","radius":"2km","timeSlot":"weekday_evening","durationSeconds":15,"startsAt":"2026-12-01T00:00:00Z","endsAt":"2026-12-08T00:00:00Z"}""", "radius")]
    [InlineData("POST", "/kakao/v1/channels/_kt/posts", """{"title":"","content":"이벤트"}""", "title")]
    [InlineData("POST", "/naver/blog/writePost.json", """{"title":"제목"}""", "contents")]
    public async Task UFR_DIST_010_bad_input_is_rejected_and_nothing_is_posted(string method, string path, string json, string field)
    {
        var key = $"test-{Guid.NewGuid():N}";

        using var response = await SendRawAsync(method, path, json, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(await PostsAsync(key));
    }

    [Fact]
    public async Task UFR_DIST_010_a_post_without_an_idempotency_key_is_rejected()
    {
        using var response = await SendRawAsync("POST", "/kakao/v1/channels/_kt/posts", """{"title":"t","content":"c"}""", key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UFR_DIST_010_injected_faults_answer_503_then_the_post_goes_through_once()
    {
        using var set = await _http.PostAsJsonAsync("/sandbox/faults", new { channel = NaverBlogApi.Channel, failures = 2 });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var key = $"test-{Guid.NewGuid():N}";
        var body = new { title = "제목", contents = "<p>본문</p>" };

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await SendAsync("POST", "/naver/blog/writePost.json", body, key);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Single(await PostsAsync(key));

        using var unknown = await _http.PostAsJsonAsync("/sandbox/faults", new { channel = "myspace", failures = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task UFR_DIST_010_faults_can_be_configured_per_channel()
    {
        await using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("Sandbox:Faults:ringo_biz", "1"));
        using var http = configured.CreateClient();
        const string Body = """{"storeName":"카페","message":"안녕하세요"}""";

        using var failed = await SendRawAsync(http, "PUT", "/ringobiz/v1/ringback-tones/0212345678", Body, $"test-{Guid.NewGuid():N}");
        using var succeeded = await SendRawAsync(http, "PUT", "/ringobiz/v1/ringback-tones/0212345678", Body, $"test-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, succeeded.StatusCode);
        Assert.True(DateTimeOffset.TryParse((string?)(await succeeded.Content.ReadFromJsonAsync<JsonNode>())!["updatedAt"], out _));
    }

    private async Task<IReadOnlyList<JsonObject>> PostsAsync(string key)
    {
        var posts = await _http.GetFromJsonAsync<JsonArray>("/sandbox/posts");
        return [.. posts!.OfType<JsonObject>().Where(post => (string?)post["idempotencyKey"] == key)];
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, object body, string key) =>
        await SendRawAsync(method, path, await JsonContent.Create(body).ReadAsStringAsync(), key);

    private Task<HttpResponseMessage> SendRawAsync(string method, string path, string json, string? key) =>
        SendRawAsync(_http, method, path, json, key);

    private static async Task<HttpResponseMessage> SendRawAsync(HttpClient http, string method, string path, string json, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(ChannelEndpoint.IdempotencyKeyHeader, key);
        }

        return await http.SendAsync(request);
    }
}
