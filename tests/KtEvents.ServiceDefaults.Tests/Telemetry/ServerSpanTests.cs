using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.ServiceDefaults.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;

namespace KtEvents.ServiceDefaults.Tests.Telemetry;

public sealed class ServerSpanTests : IAsyncLifetime
{
    private readonly string _prefix = $"/spans-{Guid.NewGuid():N}";
    private volatile int _port;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener _listener = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        // ActivityListeners are process-wide; keep only the requests to this test's server.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int port && port == _port)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _app = await RunningApp.StartAsync(
            app =>
            {
                app.MapDefaultEndpoints();
                app.MapGet(_prefix + "/events/{id}", (string id) => id);
                app.MapGet(_prefix + "/boom", string () => throw new InvalidOperationException("boom"));
            },
            builder => builder.AddServiceDefaults());
        _port = _app.BaseAddress.Port;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task Server_span_is_named_after_the_route_and_carries_http_attributes()
    {
        using var client = _app.CreateClient();

        await client.GetStringAsync($"{_prefix}/events/42?phone=01012345678");
        await Eventually.WaitUntilAsync(() => !_spans.IsEmpty);

        var span = Assert.Single(_spans);
        Assert.Equal($"GET {_prefix}/events/{{id}}", span.DisplayName);
        Assert.Equal($"{_prefix}/events/{{id}}", span.GetTagItem("http.route"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal($"{_prefix}/events/42", span.GetTagItem("url.path"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains("01012345678", StringComparison.Ordinal) == true);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Server_span_of_a_failed_request_is_marked_as_an_error()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync($"{_prefix}/boom");
        await Eventually.WaitUntilAsync(() => !_spans.IsEmpty);

        var span = Assert.Single(_spans);
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task Health_probes_are_not_recorded()
    {
        using var client = _app.CreateClient();

        await client.GetStringAsync("/health");
        await client.GetStringAsync("/alive");
        await client.GetStringAsync($"{_prefix}/events/1");
        await Eventually.WaitUntilAsync(() => _spans.Count == 3);

        Assert.All(_spans.Where(s => s.DisplayName is "GET /health" or "GET /alive"), span => Assert.False(span.Recorded));
        Assert.Equal(2, _spans.Count(s => !s.Recorded));
        Assert.True(Assert.Single(_spans, s => s.DisplayName.EndsWith("/events/{id}", StringComparison.Ordinal)).Recorded);
    }
}
