using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

using KtEvents.EndToEnd.Tests.Infrastructure;

namespace KtEvents.EndToEnd.Tests;

/// <summary>
/// UFR-EVENT-030 with progress (issue #5): the wizard's stream through the gateway, Event and Ai
/// services to the Sandbox's Claude double.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class RecommendationStreamTests(SystemFixture system)
{
    [Fact]
    public async Task UFR_EVENT_030_the_stream_sends_claude_s_trends_then_the_event_with_its_plans_saved()
    {
        using var owner = await Owners.SignedInAsync(system.Gateway);
        var eventId = await NewDraftAsync(owner);

        var updates = await StreamAsync(owner, eventId, refresh: false);

        Assert.Equal(["trends", "event"], updates.Select(u => u.EventType));
        var trends = updates[0].Data;
        var saved = updates[1].Data.GetProperty("recommendation");
        Assert.Equal(trends.GetRawText(), saved.GetProperty("trends").GetRawText());
        Assert.Equal("claude", saved.GetProperty("metadata").GetProperty("engine").GetString());
        Assert.Equal(6, saved.GetProperty("plans").GetArrayLength());
        // Kept with the draft: a reload reads the same plans.
        var reloaded = (await owner.GetAsync($"/api/events/{eventId}")).Expect(HttpStatusCode.OK).Json.GetProperty("recommendation");
        Assert.Equal(saved.GetRawText(), reloaded.GetRawText());

        // Back in the wizard without 다시 추천받기: the kept plans, without asking the Ai service again.
        var again = await StreamAsync(owner, eventId, refresh: false);
        Assert.Equal(["event"], again.Select(u => u.EventType));
        Assert.Equal(saved.GetRawText(), again[0].Data.GetProperty("recommendation").GetRawText());
    }

    [Fact]
    public async Task UFR_EVENT_030_the_stream_of_another_owner_s_event_is_a_404_problem_not_a_stream()
    {
        using var first = await Owners.SignedInAsync(system.Gateway);
        using var second = await Owners.SignedInAsync(system.Gateway);
        var eventId = await NewDraftAsync(first);

        using var response = await OpenAsync(second, eventId, refresh: false);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("event_not_found", problem.GetProperty("code").GetString());
    }

    /// <summary>
    /// A draft for 인지도 향상, a purpose no other test of the collection asks plans for: every owner here
    /// has the same store, and the trace test needs its own request to reach Claude, not the Ai cache.
    /// </summary>
    private static async Task<string> NewDraftAsync(GatewayClient owner) =>
        (await owner.PostAsync("/api/events", new { purpose = "awareness" })).Expect(HttpStatusCode.Created).Json.GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> OpenAsync(GatewayClient owner, string eventId, bool refresh)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/recommendations/stream") { Content = JsonContent.Create(new { refresh }) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return owner.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<List<(string EventType, JsonElement Data)>> StreamAsync(GatewayClient owner, string eventId, bool refresh)
    {
        using var response = await OpenAsync(owner, eventId, refresh);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var updates = new List<(string, JsonElement)>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            updates.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }
        return updates;
    }
}
