using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The browser's side of the gateway's REST API (docs/api.md), as much of it as the AI benchmark
/// needs: sign up an owner (the 국세청 check goes to the Sandbox), open a draft, ask for plans.
/// </summary>
internal sealed class BenchGateway(Uri gateway) : IDisposable
{
    private const string Password = "Kt-events-2026!";
    private static readonly int[] CheckWeights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    // The Sandbox's NTS registry answers these as closed, suspended and unregistered (services/Sandbox/Apis/NtsApi.cs).
    private static readonly HashSet<string> SandboxSpecialNumbers = ["3000000007", "2000000008", "4000000006"];

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Time spent waiting out the gateway's sign-up rate limit (per client address), left out of every figure.</summary>
    public TimeSpan RateLimitWaits { get; private set; }

    /// <summary>Signs a new owner up with <paramref name="store"/> and returns the access token.</summary>
    public async Task<string> RegisterAsync(BenchStore store, int number)
    {
        while (true)
        {
            var phone = $"010{Random.Shared.Next(10_000_000, 99_999_999)}";
            using var response = await SendAsync(HttpMethod.Post, "/api/auth/register", null, new
            {
                name = "김사장",
                phone = $"{phone[..3]}-{phone[3..7]}-{phone[7..]}",
                email = $"bench{phone[3..]}@example.kr",
                password = Password,
                storeName = $"벤치 가게 {number}",
                industry = store.Industry,
                address = store.Address,
                openingHours = "10:00-22:00",
                businessNumber = NewBusinessNumber(),
            });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The auth routes allow 30 a minute per address over six 10-second segments.
                var wait = Stopwatch.StartNew();
                await Task.Delay(TimeSpan.FromSeconds(10));
                RateLimitWaits += wait.Elapsed;
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                continue; // a random phone or business number met an earlier owner's
            }
            using var session = await ReadAsync(response, HttpStatusCode.Created);
            return session.RootElement.GetProperty("accessToken").GetString()!;
        }
    }

    /// <summary>Opens a draft for <paramref name="purpose"/>; returns its id.</summary>
    public async Task<string> CreateDraftAsync(string accessToken, string purpose)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/events", accessToken, new { purpose });
        using var draft = await ReadAsync(response, HttpStatusCode.Created);
        return draft.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Asks for plans (<c>refresh</c>: again, as 다시 추천받기 does), timed from sending the request
    /// until the whole reply is read.
    /// </summary>
    public async Task<RecommendationAnswer> RecommendAsync(string accessToken, string eventId, bool refresh)
    {
        var clock = Stopwatch.StartNew();
        using var response = await SendAsync(HttpMethod.Post, $"/api/events/{eventId}/recommendations", accessToken, new { refresh });
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"recommendations answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
        using var detail = JsonDocument.Parse(body);
        var metadata = detail.RootElement.GetProperty("recommendation").GetProperty("metadata");
        var stages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stage in metadata.GetProperty("stages").EnumerateArray())
        {
            stages[stage.GetProperty("stage").GetString()!] = stage.GetProperty("milliseconds").GetInt32();
        }
        return new RecommendationAnswer(elapsed, metadata.GetProperty("engine").GetString()!, metadata.GetProperty("cacheHit").GetBoolean(), stages);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return await _http.SendAsync(request);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == expected
            ? JsonDocument.Parse(text)
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>A 사업자등록번호 with the published check digit on a random prefix (the Sandbox's NTS treats it as 계속사업자).</summary>
    private static string NewBusinessNumber()
    {
        while (true)
        {
            var prefix = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (prefix[i] - '0') * CheckWeights[i];
            }
            sum += (prefix[8] - '0') * 5 / 10;
            var number = prefix + (char)('0' + ((10 - (sum % 10)) % 10));
            if (!SandboxSpecialNumbers.Contains(number))
            {
                return number;
            }
        }
    }
}
