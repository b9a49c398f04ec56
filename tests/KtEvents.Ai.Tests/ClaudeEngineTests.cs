using System.Collections.Concurrent;
using System.Diagnostics;

using KtEvents.Ai.Recommendations;
using KtEvents.Ai.Tests.Infrastructure;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Rpc;

using Xunit.Abstractions;

namespace KtEvents.Ai.Tests;

/// <summary>
/// The Claude engine against the Sandbox's Claude double over HTTP: Claude's words on our figures,
/// every fault ending in a valid six-plan reply with the right engine, the repair, the limits, and
/// the two calls running side by side.
/// </summary>
[Collection(ClaudeEngineCollection.Name)]
public sealed class ClaudeEngineTests(ClaudeEngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>The opening words of the double's industry narrative (Sandbox Claude/TrendNarratives.cs).</summary>
    private const string DoubleIndustryNarrative = "업종은 최근 가까운 매장에서";

    [Fact]
    public async Task UFR_AI_010_claude_writes_the_plans_and_narratives_on_the_sql_figures()
    {
        var key = NewKey();
        await using var ai = fixture.Start(key);

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("claude", reply.Metadata.Engine);
        Assert.Equal("", reply.Metadata.FallbackReason);
        Assert.Contains(DoubleIndustryNarrative, reply.Trends.Industry.Narrative);
        // The figures stay ours: the data engine's labels, not Claude's.
        Assert.Contains(reply.Trends.Industry.Figures, f => f.Label == "최근 성공한 이벤트 유형");
        Assert.Contains(reply.Plans, p => p.Title.Contains("댓글 이벤트"));
        Assert.True(reply.Metadata.InputTokens > 0 && reply.Metadata.OutputTokens > 0);
        Assert.Equal(["cache", "sql", "claude.trends", "claude.plans", "validation"], reply.Metadata.Stages.Select(s => s.Stage));
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
        output.WriteLine(string.Join("\n", reply.Plans.Select(p => $"{p.PlanId} {p.Title} | {p.CostKrw} | ROI {p.ExpectedRoiPercent}%")));
    }

    [Fact]
    public async Task UFR_AI_010_a_claude_reply_is_cached_and_the_second_request_makes_no_call()
    {
        var key = NewKey();
        await using var ai = fixture.Start(key);
        var request = Request();

        var first = await ai.Client.RecommendAsync(request, fixture.AsOwner());
        var second = await ai.Client.RecommendAsync(request, fixture.AsOwner());

        Assert.Equal("claude", second.Metadata.Engine);
        Assert.True(second.Metadata.CacheHit);
        Assert.Equal(first.Plans, second.Plans);
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_twenty_identical_cold_requests_at_once_make_one_claude_round()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario(LatencyMs: 300), plans: new ToolScenario(LatencyMs: 300));
        await using var ai = fixture.Start(key);
        var request = Request();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ai.Client.RecommendAsync(request, fixture.AsOwner()).ResponseAsync));

        Assert.All(replies, reply => Assert.Equal("claude", reply.Metadata.Engine));
        Assert.Equal(20, replies.Select(r => r.Metadata.RecommendationId).Distinct().Count());
        Assert.Single(replies.Select(r => r.Plans.ToString()).Distinct());
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Theory]
    [InlineData("malformed_json")]
    [InlineData("invalid_input")]
    [InlineData("missing_plan")]
    [InlineData("wrong_budget")]
    public async Task UFR_AI_010_a_bad_plans_answer_gets_one_repair_then_the_data_engine_fills_the_slots(string fault)
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, plans: new ToolScenario(fault));
        await using var ai = fixture.Start(key);

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("mixed", reply.Metadata.Engine);
        Assert.StartsWith("plans: ", reply.Metadata.FallbackReason);
        Assert.Contains(DoubleIndustryNarrative, reply.Trends.Industry.Narrative);
        Assert.Contains(reply.Metadata.Stages, s => s.Stage == "repair");
        Assert.Contains(reply.Metadata.Stages, s => s.Stage == "fallback");
        Assert.Equal(new ClaudeCalls(1, 2, 0), await fixture.Sandbox.CallsAsync(key));
        output.WriteLine(reply.Metadata.FallbackReason);
    }

    [Theory]
    [InlineData("error_400")]
    [InlineData("error_429")]
    [InlineData("error_529")]
    [InlineData("error_500")]
    public async Task UFR_AI_010_an_api_error_on_the_plans_call_is_not_retried_and_the_data_engine_writes_the_plans(string fault)
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, plans: new ToolScenario(fault));
        await using var ai = fixture.Start(key);

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("mixed", reply.Metadata.Engine);
        Assert.StartsWith($"plans: {fault} (6 of 6 filled by data)", reply.Metadata.FallbackReason);
        Assert.Contains(DoubleIndustryNarrative, reply.Trends.Industry.Narrative);
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_a_plans_call_hanging_past_its_timeout_is_left_behind_for_the_data_engine()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, plans: new ToolScenario("hang"));
        await using var ai = fixture.Start(key, new Dictionary<string, string?> { ["Claude:CallTimeout"] = "00:00:01", ["Claude:Budget"] = "00:00:02" });

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("mixed", reply.Metadata.Engine);
        Assert.StartsWith("plans: timeout", reply.Metadata.FallbackReason);
        Assert.Contains(DoubleIndustryNarrative, reply.Trends.Industry.Narrative);
    }

    [Theory]
    [InlineData("malformed_json")]
    [InlineData("invalid_input")]
    [InlineData("error_529")]
    [InlineData("hang")]
    public async Task UFR_EVENT_030_a_failed_trends_call_keeps_the_data_engine_s_narratives_beside_claude_s_plans(string fault)
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario(fault));
        await using var ai = fixture.Start(key, new Dictionary<string, string?> { ["Claude:CallTimeout"] = "00:00:01", ["Claude:Budget"] = "00:00:02" });

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("mixed", reply.Metadata.Engine);
        Assert.StartsWith("trends: ", reply.Metadata.FallbackReason);
        Assert.DoesNotContain(DoubleIndustryNarrative, reply.Trends.Industry.Narrative);
        Assert.Contains(reply.Plans, p => p.Title.Contains("댓글 이벤트"));
    }

    [Fact]
    public async Task UFR_AI_010_when_both_calls_fail_the_data_engine_answers_alone_and_says_why()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario("error_529"), plans: new ToolScenario("error_500"));
        await using var ai = fixture.Start(key);

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("data", reply.Metadata.Engine);
        Assert.Equal("trends: error_529; plans: error_500 (6 of 6 filled by data)", reply.Metadata.FallbackReason);
    }

    [Theory]
    [InlineData("wrong_budget")]
    [InlineData("missing_plan")]
    public async Task UFR_AI_010_one_repair_call_fixes_a_bad_plans_answer_and_the_reply_stays_claude_s(string fault)
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, plans: new ToolScenario(fault, Times: 1));
        await using var ai = fixture.Start(key);

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("claude", reply.Metadata.Engine);
        Assert.Contains(reply.Metadata.Stages, s => s.Stage == "repair");
        Assert.Equal(new ClaudeCalls(1, 2, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_without_a_claude_key_the_data_engine_answers()
    {
        await using var ai = fixture.Start("");

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(reply);
        Assert.Equal("data", reply.Metadata.Engine);
        Assert.Equal("", reply.Metadata.FallbackReason);
        Assert.Equal(0, reply.Metadata.InputTokens);
    }

    [Fact]
    public async Task UFR_AI_010_past_the_per_minute_limit_the_data_engine_answers_flagged()
    {
        var key = NewKey();
        await using var ai = fixture.Start(key, new Dictionary<string, string?> { ["Claude:RequestsPerMinute"] = "1" });

        var first = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());
        var second = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        Assert.Equal("claude", first.Metadata.Engine);
        AssertValid(second);
        Assert.Equal("data", second.Metadata.Engine);
        Assert.Equal("rate_limited", second.Metadata.FallbackReason);
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_past_the_concurrency_limit_the_data_engine_answers_at_once_flagged()
    {
        var key = NewKey();
        // The first request's plans call hangs until its timeout, holding the only permit meanwhile.
        await fixture.Sandbox.SetScenarioAsync(key, plans: new ToolScenario("hang"));
        await using var ai = fixture.Start(key, new Dictionary<string, string?> { ["Claude:MaxConcurrency"] = "1" });

        var first = ai.Client.RecommendAsync(Request(), fixture.AsOwner()).ResponseAsync;
        while ((await fixture.Sandbox.CallsAsync(key)).Plans == 0)
        {
            Assert.False(first.IsCompleted, "the first request ended before its plans call reached the double");
            await Task.Delay(20);
        }
        var second = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        AssertValid(second);
        Assert.Equal("data", second.Metadata.Engine);
        Assert.Equal("concurrency_limited", second.Metadata.FallbackReason);
        Assert.Equal("mixed", (await first).Metadata.Engine);
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_the_trends_and_plans_calls_run_side_by_side()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario(LatencyMs: 800), plans: new ToolScenario(LatencyMs: 800));
        await using var ai = fixture.Start(key);
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "KtEvents.Ai",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName.StartsWith("claude ", StringComparison.Ordinal))
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var reply = await ai.Client.RecommendAsync(Request(), fixture.AsOwner());

        Assert.Equal("claude", reply.Metadata.Engine);
        var trends = Assert.Single(spans, s => s.DisplayName == "claude write_trend_narratives");
        var plans = Assert.Single(spans, s => s.DisplayName == "claude propose_event_plans");
        // Each call started before the other ended: they overlapped, whatever the machine's speed.
        Assert.True(trends.StartTimeUtc < plans.StartTimeUtc + plans.Duration, "the trends call started after the plans call ended");
        Assert.True(plans.StartTimeUtc < trends.StartTimeUtc + trends.Duration, "the plans call started after the trends call ended");
        Assert.Equal(trends.ParentSpanId, plans.ParentSpanId);
        Assert.Equal("ok", trends.GetTagItem("ai.claude.outcome"));
        Assert.True((int)plans.GetTagItem("gen_ai.usage.output_tokens")! > 0);
    }

    [Fact]
    public async Task UFR_EVENT_030_the_stream_sends_claude_s_trends_while_the_plans_call_is_still_running()
    {
        var key = NewKey();
        // The plans call hangs until its timeout, so it cannot have ended when the trends arrive, unless they waited for it.
        await fixture.Sandbox.SetScenarioAsync(key, plans: new ToolScenario("hang"));
        await using var ai = fixture.Start(key, new Dictionary<string, string?> { ["Claude:CallTimeout"] = "00:00:05", ["Claude:Budget"] = "00:00:06" });
        var plansCallsEnded = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "KtEvents.Ai",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.DisplayName == "claude propose_event_plans")
                {
                    Interlocked.Increment(ref plansCallsEnded);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var call = ai.Client.StreamRecommendation(Request(), fixture.AsOwner());

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var first = call.ResponseStream.Current;
        var plansCallsEndedAtTrends = Volatile.Read(ref plansCallsEnded);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var last = call.ResponseStream.Current;
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(RecommendationUpdate.UpdateOneofCase.Trends, first.UpdateCase);
        Assert.Contains(DoubleIndustryNarrative, first.Trends.Industry.Narrative);
        Assert.Equal(0, plansCallsEndedAtTrends);
        Assert.Equal(RecommendationUpdate.UpdateOneofCase.Reply, last.UpdateCase);
        AssertValid(last.Reply);
        Assert.Equal(first.Trends, last.Reply.Trends);
        Assert.Equal("mixed", last.Reply.Metadata.Engine);
        Assert.StartsWith("plans: timeout", last.Reply.Metadata.FallbackReason);
        Assert.Equal(1, Volatile.Read(ref plansCallsEnded));
    }

    [Fact]
    public async Task UFR_EVENT_030_identical_streams_at_once_share_one_claude_round_and_each_gets_the_trends_first()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario(LatencyMs: 200), plans: new ToolScenario(LatencyMs: 600));
        await using var ai = fixture.Start(key);
        var request = Request();

        var streams = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var call = ai.Client.StreamRecommendation(request, fixture.AsOwner());
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }));

        Assert.All(streams, updates =>
        {
            Assert.Equal([RecommendationUpdate.UpdateOneofCase.Trends, RecommendationUpdate.UpdateOneofCase.Reply], updates.Select(u => u.UpdateCase));
            Assert.Equal(updates[0].Trends, updates[1].Reply.Trends);
            Assert.Equal("claude", updates[1].Reply.Metadata.Engine);
        });
        Assert.Equal(5, streams.Select(s => s[1].Reply.Metadata.RecommendationId).Distinct().Count());
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_identical_requests_on_two_replicas_at_once_make_one_claude_round_and_every_stream_gets_the_trends_first()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario(LatencyMs: 300), plans: new ToolScenario(LatencyMs: 900));
        await using var first = fixture.Start(key);
        await using var second = fixture.Start(key);
        var request = Request();

        var streams = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var call = (i % 2 == 0 ? first : second).Client.StreamRecommendation(request, fixture.AsOwner());
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }));

        Assert.All(streams, updates =>
        {
            Assert.Equal([RecommendationUpdate.UpdateOneofCase.Trends, RecommendationUpdate.UpdateOneofCase.Reply], updates.Select(u => u.UpdateCase));
            Assert.Equal(updates[0].Trends, updates[1].Reply.Trends);
            Assert.Equal("claude", updates[1].Reply.Metadata.Engine);
        });
        Assert.Single(streams.Select(s => s[1].Reply.Plans.ToString()).Distinct());
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public async Task UFR_AI_010_a_degraded_answer_is_shared_with_the_other_replica_at_once_but_the_next_request_asks_claude_again()
    {
        var key = NewKey();
        await fixture.Sandbox.SetScenarioAsync(key, trends: new ToolScenario(LatencyMs: 300), plans: new ToolScenario("error_500", LatencyMs: 900));
        await using var first = fixture.Start(key);
        await using var second = fixture.Start(key);
        var request = Request();

        var replies = await Task.WhenAll(
            first.Client.RecommendAsync(request, fixture.AsOwner()).ResponseAsync,
            second.Client.RecommendAsync(request, fixture.AsOwner()).ResponseAsync);

        Assert.All(replies, reply => Assert.Equal("mixed", reply.Metadata.Engine));
        Assert.Equal(new ClaudeCalls(1, 1, 0), await fixture.Sandbox.CallsAsync(key));
        // Not cached: a later request gets another chance at Claude's whole answer.
        var later = await second.Client.RecommendAsync(request, fixture.AsOwner());
        Assert.False(later.Metadata.CacheHit);
        Assert.Equal(new ClaudeCalls(2, 2, 0), await fixture.Sandbox.CallsAsync(key));
    }

    [Fact]
    public void UFR_AI_010_claude_settings_that_cannot_work_stop_the_service_at_start()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
            fixture.Start(NewKey(), new Dictionary<string, string?> { ["Claude:CallTimeout"] = "00:00:12", ["Claude:Budget"] = "00:00:10" }));

        Assert.Contains("Claude:CallTimeout must not exceed Claude:Budget", error.ToString());
    }

    private RecommendRequest Request() => new()
    {
        StoreName = "모카카페",
        Industry = "cafe",
        Address = "서울특별시 강남구 테헤란로 123",
        Purpose = EventPurpose.NewCustomers,
        Date = fixture.NextDate(),
    };

    private static string NewKey() => $"sk-ant-test-{Guid.NewGuid():N}";

    private static void AssertValid(RecommendReply reply)
    {
        Assert.Empty(RecommendationValidator.Check(reply.Trends, reply.Plans));
        Assert.Equal(["low-online", "low-offline", "medium-online", "medium-offline", "high-online", "high-offline"], reply.Plans.Select(p => p.PlanId));
    }
}
