using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Participation.V1;
using KtEvents.Gateway.Infrastructure;
using KtEvents.Gateway.Model;

using Microsoft.AspNetCore.Http.HttpResults;

namespace KtEvents.Gateway.Apis;

/// <summary>The public page of an event and customers' entries (UFR-PART-010): anonymous and rate-limited.</summary>
public static class PublicEventsApi
{
    public static IEndpointRouteBuilder MapPublicEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/public/events").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        events.MapGet("/{id}", GetPublicEvent);
        events.MapPost("/{id}/entries", Enter);
        return app;
    }

    public static async Task<Ok<PublicEventResponse>> GetPublicEvent(string id, ParticipationClient participation, CancellationToken cancellationToken) =>
        TypedResults.Ok((await participation.GetPublicEventAsync(new GetPublicEventRequest { EventId = id }, Calls.Within(cancellationToken))).ToResponse());

    public static async Task<Created<EntryResponse>> Enter(string id, EntryRequest body, ParticipationClient participation, CancellationToken cancellationToken)
    {
        var reply = await participation.EnterAsync(
            new EnterRequest
            {
                EventId = id,
                Name = body.Name ?? "",
                Phone = body.Phone ?? "",
                Channel = body.Channel ?? "",
                PrivacyConsent = body.PrivacyConsent,
                MarketingConsent = body.MarketingConsent,
                ConsentVersion = body.ConsentVersion ?? "",
            },
            Calls.Within(cancellationToken));
        return TypedResults.Created($"/api/public/events/{id}", new EntryResponse(reply.EntryNumber, reply.AnnounceAt?.ToDateTimeOffset()));
    }
}
