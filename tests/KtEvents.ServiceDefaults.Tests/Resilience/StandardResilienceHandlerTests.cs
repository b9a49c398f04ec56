using System.Net;

using KtEvents.ServiceDefaults.Resilience;
using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KtEvents.ServiceDefaults.Tests.Resilience;

public sealed class StandardResilienceHandlerTests(FlakyServer server) : IClassFixture<FlakyServer>
{
    private static readonly TimeSpan ShortDelay = TimeSpan.FromMilliseconds(10);
    private readonly string _key = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Transient_503s_are_retried_until_the_call_succeeds()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).GetAsync($"/flaky/{_key}/2/503");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.Requests.Count(_key));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Other_transient_statuses_are_retried(int status)
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).GetAsync($"/flaky/{_key}/1/{status}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count(_key));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Non_transient_statuses_are_not_retried(int status)
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).GetAsync($"/status/{_key}/{status}");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(1, server.Requests.Count(_key));
    }

    [Fact]
    public async Task All_retries_failing_returns_the_last_response()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).GetAsync($"/status/{_key}/503");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_for_before_the_retry()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).GetAsync($"/retry-after-delta/{_key}/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count(_key));
        // Server-side arrival times: the retry came no sooner than the server asked (1 s), far later
        // than the 10 ms backoff would have sent it. The tolerance covers timer granularity only.
        Assert.True(server.Requests.Between(_key, 0, 1) >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(15),
            $"retried after {server.Requests.Between(_key, 0, 1)}");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_waited_for_before_the_retry()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).GetAsync($"/retry-after-date/{_key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The date is "now + 3 s" truncated to whole seconds, so at least 2 s away when it was sent.
        Assert.True(server.Requests.Between(_key, 0, 1) >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(15),
            $"retried after {server.Requests.Between(_key, 0, 1)}");
    }

    [Fact]
    public async Task Retry_after_is_ignored_when_switched_off()
    {
        // Honouring "an hour" would end in the total timeout; ignoring it retries after the backoff.
        using var host = await StartClientAsync(o =>
        {
            o.Retry.Delay = ShortDelay;
            o.Retry.ShouldRetryAfterHeader = false;
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
        });

        using var response = await Client(host).GetAsync($"/retry-after-delta/{_key}/3600");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Post_with_a_buffered_body_is_retried()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);

        using var response = await Client(host).PostAsync($"/flaky/{_key}/1/503", new StringContent("""{"a":1}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Post_with_a_stream_body_is_sent_once()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);
        using var body = new ForwardOnlyStream("""{"a":1}"""u8.ToArray());

        using var response = await Client(host).PostAsync($"/flaky/{_key}/1/503", new StreamContent(body));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_then_fails_fast()
    {
        using var host = await StartClientAsync(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        var client = Client(host);

        using (var first = await client.GetAsync($"/status/{_key}/500"))
        using (var second = await client.GetAsync($"/status/{_key}/500"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync($"/status/{_key}/500"));
        Assert.Equal(2, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Attempt_timeout_cuts_a_hanging_call_and_the_call_is_retried()
    {
        // Long enough that the hanging request surely reached the server before it was cut.
        var attemptTimeout = TimeSpan.FromMilliseconds(750);
        using var host = await StartClientAsync(o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = ShortDelay;
            o.AttemptTimeout.Timeout = attemptTimeout;
        });

        var timeout = await Assert.ThrowsAsync<TimeoutRejectedException>(() => Client(host).GetAsync($"/hang/{_key}"));

        Assert.Equal(attemptTimeout, timeout.Timeout);
        Assert.Equal(2, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Total_timeout_ends_the_call_including_its_retries()
    {
        // The first attempt times out, then the 5 s backoff outlasts the total timeout.
        var totalTimeout = TimeSpan.FromMilliseconds(1500);
        using var host = await StartClientAsync(o =>
        {
            o.TotalRequestTimeout.Timeout = totalTimeout;
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(750);
            o.Retry.Delay = TimeSpan.FromSeconds(5);
            o.Retry.BackoffType = Polly.DelayBackoffType.Constant;
            o.Retry.UseJitter = false;
        });

        var timeout = await Assert.ThrowsAsync<TimeoutRejectedException>(() => Client(host).GetAsync($"/hang/{_key}"));

        Assert.Equal(totalTimeout, timeout.Timeout);
        Assert.Equal(1, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried_or_turned_into_a_timeout()
    {
        using var host = await StartClientAsync(o => o.Retry.Delay = ShortDelay);
        using var cancel = new CancellationTokenSource();
        var call = Client(host).GetAsync($"/hang/{_key}", cancel.Token);
        await Eventually.WaitUntilAsync(() => server.Requests.Count(_key) == 1);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, server.Requests.Count(_key));
    }

    [Fact]
    public async Task AddServiceDefaults_gives_every_client_retries_configured_from_HttpClient_Resilience()
    {
        using var host = await ClientHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["HttpClient:Resilience:Retry:Delay"] = "00:00:00.010",
                ["HttpClient:Resilience:Retry:MaxRetryAttempts"] = "2",
            },
            builder => builder.AddServiceDefaults());
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var response = await client.GetAsync(new Uri(server.BaseAddress, $"/status/{_key}/503"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, server.Requests.Count(_key));
    }

    [Fact]
    public async Task Invalid_resilience_configuration_stops_the_host_at_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ClientHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["HttpClient:Resilience:Retry:MaxRetryAttempts"] = "-1",
                ["HttpClient:Resilience:AttemptTimeout:Timeout"] = "00:01:00",
            },
            builder => builder.AddServiceDefaults()));

        Assert.Contains("HttpClient:Resilience: Retry:MaxRetryAttempts must be between 0 and 100.", failure.Failures);
        Assert.Contains("HttpClient:Resilience: AttemptTimeout:Timeout must not exceed TotalRequestTimeout:Timeout.", failure.Failures);
    }

    private Task<IHost> StartClientAsync(Action<HttpStandardResilienceOptions> configure) =>
        ClientHost.StartAsync(
            new Dictionary<string, string?>(),
            builder => builder.Services.AddHttpClient("flaky", client => client.BaseAddress = server.BaseAddress)
                .AddStandardResilienceHandler(configure));

    private static HttpClient Client(IHost host) =>
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("flaky");
}
