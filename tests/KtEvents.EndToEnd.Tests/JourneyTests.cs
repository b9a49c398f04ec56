using System.Net;
using System.Text.Json;

using KtEvents.Dashboard.Telemetry;
using KtEvents.EndToEnd.Tests.Infrastructure;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

namespace KtEvents.EndToEnd.Tests;

/// <summary>
/// Issue #4's journey through the gateway, one owner from sign-up to a customer counted in analytics,
/// checking after each step what the owning service stored.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class JourneyTests(SystemFixture system)
{
    [Fact]
    public async Task UFR_USER_010_to_UFR_ANAL_010_one_event_from_sign_up_to_the_live_dashboard()
    {
        using var owner = new GatewayClient(system.Gateway);
        var phone = Owners.NewPhone();

        // 1. Sign up (UFR-USER-010): the User service stored the owner and the store.
        var session = (await owner.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.NewValid())))
            .Expect(HttpStatusCode.Created).Json;
        var ownerId = Guid.Parse(session.GetProperty("owner").GetProperty("userId").GetString()!);
        await using (var users = system.Database("userdb"))
        {
            Assert.Equal(1L, await ScalarAsync<long>(users, "SELECT count(*) FROM users WHERE id = $1 AND phone = $2", ownerId, phone));
            Assert.Equal(1L, await ScalarAsync<long>(users, "SELECT count(*) FROM stores WHERE owner_id = $1", ownerId));
        }

        // 2. Log in (UFR-USER-020) with keep-me-signed-in: a refresh token comes back.
        var login = (await owner.PostAsync("/api/auth/login", new { phone, password = Owners.Password, keepSignedIn = true }))
            .Expect(HttpStatusCode.OK).Json;
        Assert.False(string.IsNullOrEmpty(login.GetProperty("refreshToken").GetString()));
        owner.AccessToken = login.GetProperty("accessToken").GetString();

        // 3. Dashboard (UFR-EVENT-010): no events yet.
        Assert.Equal(0, (await owner.GetAsync("/api/events")).Expect(HttpStatusCode.OK).Json.GetArrayLength());

        // 4. New event with its purpose (UFR-EVENT-020): a draft in the Event service's database.
        var draft = (await owner.PostAsync("/api/events", new { purpose = "new_customers" })).Expect(HttpStatusCode.Created).Json;
        var eventId = Guid.Parse(draft.GetProperty("id").GetString()!);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        await using var events = system.Database("eventdb");
        Assert.Equal("draft", await ScalarAsync<string>(events, "SELECT status FROM events WHERE id = $1 AND owner_id = $2", eventId, ownerId));

        // 5. Trends and six plans from the Ai service over gRPC (UFR-EVENT-030), kept with the draft.
        var recommended = (await owner.PostAsync($"/api/events/{eventId}/recommendations")).Expect(HttpStatusCode.OK).Json;
        var plans = recommended.GetProperty("recommendation").GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(6, plans.Count);
        Assert.False(string.IsNullOrEmpty(recommended.GetProperty("recommendation").GetProperty("trends").GetProperty("industry").GetProperty("narrative").GetString()));
        Assert.True(await ScalarAsync<bool>(events, "SELECT recommendation IS NOT NULL FROM events WHERE id = $1", eventId));

        // The owner picks one and edits its title and prize.
        var planId = plans[0].GetProperty("planId").GetString();
        const string title = "신규 고객 환영 <가을> 이벤트 & 경품";
        var picked = (await owner.PutAsync($"/api/events/{eventId}/plan", new { planId, title, prize = "아메리카노 2잔" })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(title, picked.GetProperty("selectedPlan").GetProperty("title").GetString());
        // The choice and the edit went back to the Ai service as feedback on that recommendation.
        var recommendationId = Guid.Parse(recommended.GetProperty("recommendation").GetProperty("metadata").GetProperty("recommendationId").GetString()!);
        await using (var ai = system.Database("aidb"))
        {
            Assert.Equal(title, await ScalarAsync<string>(ai,
                "SELECT edited_title FROM recommendation_feedback WHERE recommendation_id = $1 AND kind = 'selected' AND plan_id = $2",
                recommendationId, planId!));
        }

        // 6. Content (UFR-CONT-010): three styles as SVG with the title, safely escaped.
        var images = (await owner.PostAsync($"/api/events/{eventId}/images")).Expect(HttpStatusCode.OK).Json.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(["fancy", "simple", "trendy"], images.Select(i => i.GetProperty("style").GetString()).Order());
        var imageId = images[0].GetProperty("imageId").GetString();
        var svg = (await owner.GetAsync($"/api/images/{imageId}.svg")).Expect(HttpStatusCode.OK);
        Assert.Equal("image/svg+xml", svg.MediaType);
        Assert.Contains("&lt;가을&gt;", svg.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<가을>", svg.Text, StringComparison.Ordinal);
        (await owner.PutAsync($"/api/events/{eventId}/image", new { imageId })).Expect(HttpStatusCode.OK);

        // 7. Channels (UFR-EVENT-040): estimates per channel and a total.
        var channels = new[]
        {
            new { channel = "instagram", options = new Dictionary<string, string>() },
            new { channel = "uridongne_tv", options = new Dictionary<string, string> { ["radius"] = "1km", ["timeSlot"] = "weekday_evening" } },
        };
        var estimate = (await owner.PostAsync("/api/channels/estimate", new { channels })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(150_000, estimate.GetProperty("totalCostKrw").GetInt64());
        Assert.True(estimate.GetProperty("totalExposure").GetInt64() > 0);
        (await owner.PutAsync($"/api/events/{eventId}/channels", new { channels })).Expect(HttpStatusCode.OK);

        // 8. Approval (UFR-EVENT-050): stored, and EventApproved goes out through the outbox. The
        // detail page is already listening for live hints, as the browser does.
        using var live = await LiveStream.OpenAsync(owner, eventId);
        var approvalSent = DateTimeOffset.UtcNow;
        var approved = (await owner.PostAsync($"/api/events/{eventId}/approve")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("scheduled", approved.GetProperty("status").GetString());
        Assert.True(await ScalarAsync<bool>(events, "SELECT approved_at IS NOT NULL FROM events WHERE id = $1", eventId));

        // 9. Distribution (UFR-DIST-010/020): both channels posted; the event goes live.
        var distribution = await EventuallyAsync(
            () => owner.GetAsync($"/api/events/{eventId}/distribution"),
            r => r.Status == HttpStatusCode.OK && r.Json.GetProperty("channels").GetArrayLength() == 2
                && r.Json.GetProperty("channels").EnumerateArray().All(c => c.GetProperty("state").GetString() == "succeeded"));
        Assert.All(distribution.Json.GetProperty("channels").EnumerateArray(), c => Assert.Equal(1, c.GetProperty("attempts").GetInt32()));
        await using (var distributionDb = system.Database("distributiondb"))
        {
            Assert.Equal(2L, await ScalarAsync<long>(distributionDb, "SELECT count(*) FROM distribution_channels WHERE event_id = $1 AND state = 'succeeded'", eventId));
        }

        await EventuallyAsync(() => owner.GetAsync($"/api/events/{eventId}"), r => r.Json.GetProperty("status").GetString() == "active");
        Assert.Contains("distribution", await live.SeenAsync("distribution"));

        // 10. Participation (UFR-PART-010): the public page, an entry with its number, and no second entry.
        using var customer = new GatewayClient(system.Gateway);
        var page = await EventuallyAsync(() => customer.GetAsync($"/api/public/events/{eventId}"), r => r.Status == HttpStatusCode.OK);
        Assert.True(page.Json.GetProperty("open").GetBoolean());
        var entry = new
        {
            name = "홍길동",
            phone = "010-5555-1234",
            channel = "instagram",
            privacyConsent = true,
            marketingConsent = false,
            consentVersion = page.Json.GetProperty("consentVersion").GetString(),
        };
        var entrySent = DateTimeOffset.UtcNow;
        var entered = (await customer.PostAsync($"/api/public/events/{eventId}/entries", entry)).Expect(HttpStatusCode.Created).Json;
        Assert.False(string.IsNullOrEmpty(entered.GetProperty("entryNumber").GetString()));
        var duplicate = (await customer.PostAsync($"/api/public/events/{eventId}/entries", entry)).Expect(HttpStatusCode.Conflict);
        Assert.Equal("already_entered", duplicate.Code);
        Assert.Equal("이미 참여하신 이벤트입니다", duplicate.Detail.TrimEnd('.'));
        await using (var participation = system.Database("participationdb"))
        {
            Assert.Equal(1L, await ScalarAsync<long>(participation, "SELECT count(*) FROM entries WHERE event_id = $1 AND phone = '01055551234'", eventId));
        }

        // 11. Analytics (UFR-ANAL-010): the entrant and the exposures are counted, and the page is told live.
        var figures = await EventuallyAsync(
            () => owner.GetAsync($"/api/events/{eventId}/analytics"),
            r => r.Status == HttpStatusCode.OK && r.Json.GetProperty("participants").GetInt64() == 1 && r.Json.GetProperty("exposures").GetInt64() > 0);
        Assert.Equal(1, figures.Json.GetProperty("participants").GetInt64());
        await using (var analytics = system.Database("analyticsdb"))
        {
            Assert.Equal(1L, await ScalarAsync<long>(analytics, "SELECT participants FROM analytics_events WHERE event_id = $1", eventId));
        }

        Assert.Contains("analytics", await live.SeenAsync("analytics"));
        Assert.Single(figures.Json.GetProperty("hourly").EnumerateArray(), hour => hour.GetProperty("participants").GetInt64() == 1);

        // 12. The AppHost's dashboard shows each half as one trace: approval → the posts → Event and
        // Analytics hearing of them, and the entry → Analytics counting it (over RabbitMQ, through outboxes).
        var store = system.App.Services.GetRequiredService<TelemetryStore>();
        string[] attempts = ["distribute instagram", "distribute uridongne_tv"];
        var approval = await TraceAsync(store, approvalSent, "/approve", spans =>
            attempts.All(name => Has(spans, "distribution", name)) && Has(spans, "distribution", "process event.event-approved")
            && Has(spans, "event", "process distribution.distribution-completed")
            && Has(spans, "analytics", "process distribution.exposure-reported") && spans.Any(span => span.ServiceName == "sandbox"));
        foreach (var name in attempts)
        {
            var attempt = Assert.Single(approval, span => span.ServiceName == "distribution" && span.Name == name);
            Assert.Contains(approval, span => span.ParentSpanId == attempt.SpanId && span.Kind == System.Diagnostics.ActivityKind.Client);
        }
        Assert.Contains(approval, span => span.ServiceName == "distribution" && span.Name == "process event.event-approved");
        Assert.Contains(approval, span => span.ServiceName == "event" && span.Name == "process distribution.distribution-completed");
        Assert.Contains(approval, span => span.ServiceName == "analytics" && span.Name == "process distribution.exposure-reported");
        var entryTrace = await TraceAsync(store, entrySent, "/entries", spans =>
            Has(spans, "participation", "create participation.participant-registered")
            && Has(spans, "analytics", "process participation.participant-registered"));
        Assert.Contains(entryTrace, span => span.ServiceName == "analytics" && span.Name == "process participation.participant-registered");
        Assert.Contains(entryTrace, span => span.ServiceName == "participation" && span.Name == "create participation.participant-registered");

        // The dashboard's card (UFR-EVENT-010) carries the same figures.
        var card = (await owner.GetAsync("/api/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == eventId.ToString());
        Assert.Equal(1, card.GetProperty("participants").GetInt64());
        Assert.Equal(figures.Json.GetProperty("exposures").GetInt64(), card.GetProperty("exposures").GetInt64());

        // 13. The event ends, the owner reports its sales (UFR-ANAL-010's ROI), and the Ai service
        // learns the real outcome (seed 003's accuracy). While it runs there are no sales to report.
        var early = (await owner.PutAsync($"/api/events/{eventId}/sales", new { salesIncreaseKrw = 1_000_000 })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("event_not_ended", early.Code);
        // Time passes: the period is moved into the past, and the end sweep (every second here) ends it.
        await ExecuteAsync(events, "UPDATE events SET starts_at = now() - interval '15 days', ends_at = now() - interval '1 minute' WHERE id = $1", eventId);
        await EventuallyAsync(() => owner.GetAsync($"/api/events/{eventId}"), r => r.Json.GetProperty("status").GetString() == "ended");
        await using var aiDb = system.Database("aidb");
        var source = $"event:{eventId}";
        await Eventually.UntilAsync("the Ai service adds the ended event's case", async () =>
            await ScalarAsync<long>(aiDb, "SELECT count(*) FROM success_cases WHERE source = $1 AND participants = 1", source) == 1);
        Assert.Equal(1L, await ScalarAsync<long>(aiDb,
            "SELECT count(*) FROM prediction_accuracy WHERE event_id = $1 AND recommendation_id = $2 AND actual_participants = 1 AND actual_roi_percent IS NULL",
            eventId, recommendationId));

        var cost = picked.GetProperty("selectedPlan").GetProperty("costKrw").GetInt64();
        var expectedRoi = picked.GetProperty("selectedPlan").GetProperty("expectedRoiPercent").GetInt32();
        var reported = (await owner.PutAsync($"/api/events/{eventId}/sales", new { salesIncreaseKrw = cost * 2 })).Expect(HttpStatusCode.OK).Json;
        var sales = reported.GetProperty("sales");
        Assert.Equal((cost * 2, cost, 100, expectedRoi),
            (sales.GetProperty("salesIncreaseKrw").GetInt64(), sales.GetProperty("costKrw").GetInt64(),
             sales.GetProperty("roiPercent").GetInt32(), sales.GetProperty("expectedRoiPercent").GetInt32()));
        await Eventually.UntilAsync("the Ai service gives the case its real ROI", async () =>
            await ScalarAsync<long>(aiDb, "SELECT count(*) FROM success_cases WHERE source = $1 AND roi_percent = 100", source) == 1);
        Assert.Equal(Math.Abs(expectedRoi - 100) / 100.0, await ScalarAsync<double>(aiDb,
            "SELECT roi_error FROM prediction_accuracy WHERE event_id = $1 AND expected_roi_percent = $2 AND actual_roi_percent = 100", eventId, expectedRoi),
            precision: 9);
    }

    [Fact]
    public async Task A_request_through_the_gateway_is_one_trace_across_services_that_the_AppHost_received()
    {
        using var owner = new GatewayClient(system.Gateway);
        var phone = Owners.NewPhone();
        var session = (await owner.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.NewValid()))).Expect(HttpStatusCode.Created).Json;
        owner.AccessToken = session.GetProperty("accessToken").GetString();
        var sent = DateTimeOffset.UtcNow;
        // 재방문 유도: no other test of the collection asks plans for it, so this request misses the Ai cache and reaches Claude.
        var draft = (await owner.PostAsync("/api/events", new { purpose = "revisit" })).Expect(HttpStatusCode.Created).Json;
        (await owner.PostAsync($"/api/events/{draft.GetProperty("id").GetString()}/recommendations")).Expect(HttpStatusCode.OK);

        // Issue #3: the AI call reads gateway → event → ai → Claude, its two calls side by side: siblings
        // under one parent, each with its own HTTP call answered by the Claude double.
        var spans = await TraceAsync(system.App.Services.GetRequiredService<TelemetryStore>(), sent, "recommendations", all =>
            Has(all, "event", "kt.ai.v1.AiService/Recommend") && Has(all, "ai", "claude write_trend_narratives") && Has(all, "ai", "claude propose_event_plans")
            && all.Count(span => span.ServiceName == "sandbox") >= 2);
        Assert.Subset(spans.Select(span => span.ServiceName).ToHashSet(), new HashSet<string> { "gateway", "event", "ai", "sandbox" });
        var trends = Assert.Single(spans, s => s.ServiceName == "ai" && s.Name == "claude write_trend_narratives");
        var plans = Assert.Single(spans, s => s.ServiceName == "ai" && s.Name == "claude propose_event_plans");
        Assert.Equal(trends.ParentSpanId, plans.ParentSpanId);
        foreach (var call in new[] { trends, plans })
        {
            var http = Assert.Single(spans, s => s.ParentSpanId == call.SpanId && s.Kind == System.Diagnostics.ActivityKind.Client);
            Assert.Contains(spans, s => s.ParentSpanId == http.SpanId && s.ServiceName == "sandbox");
        }
    }

    /// <summary>
    /// The spans of the trace the AppHost received for the gateway request whose route contains
    /// <paramref name="route"/>, sent at <paramref name="since"/> or later, once <paramref name="complete"/>
    /// holds for them: each service exports on its own schedule, and work done over the bus joins the
    /// trace seconds after the request. If it never holds, the fullest such trace, for the assertions
    /// to say what is missing.
    /// </summary>
    internal static async Task<IReadOnlyList<StoredSpan>> TraceAsync(
        TelemetryStore store, DateTimeOffset since, string route, Func<IReadOnlyList<StoredSpan>, bool> complete)
    {
        IReadOnlyList<StoredSpan> fullest = [];
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var candidates = store.ListTraces(limit: int.MaxValue)
                .Where(t => t.Start >= since.AddSeconds(-1) && t.RootService == "gateway" && t.RootName.Contains(route, StringComparison.Ordinal))
                .Select(t => (IReadOnlyList<StoredSpan>)[.. store.GetTrace(t.TraceId)!.Spans.Select(s => s.Span)])
                .ToList();
            if (candidates.FirstOrDefault(complete) is { } done)
            {
                return done;
            }

            fullest = candidates.MaxBy(spans => spans.Count) ?? [];
            await Task.Delay(200);
        }

        Assert.True(fullest.Count > 0, $"No trace of '{route}' reached the AppHost; received: "
            + string.Join("; ", store.ListTraces(limit: 50).Select(t => $"{t.RootService} '{t.RootName}' [{string.Join(',', t.Services)}]")));
        return fullest;
    }

    private static bool Has(IReadOnlyList<StoredSpan> spans, string service, string name) =>
        spans.Any(span => span.ServiceName == service && span.Name == name);

    internal static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Reads until <paramref name="done"/> holds: the steps after approval happen over the bus.</summary>
    internal static async Task<GatewayClient.Reply> EventuallyAsync(Func<Task<GatewayClient.Reply>> read, Func<GatewayClient.Reply, bool> done)
    {
        GatewayClient.Reply last;
        var until = DateTime.UtcNow.AddSeconds(60);
        do
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < until);

        Assert.Fail($"Not reached within 60 s; last answer {(int)last.Status}: {last.Text}");
        return last;
    }
}
