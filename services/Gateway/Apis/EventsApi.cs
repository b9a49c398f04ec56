using KtEvents.Contracts;
using KtEvents.Contracts.Analytics.V1;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Event.V1;
using KtEvents.Gateway.Infrastructure;
using KtEvents.Gateway.Model;
using KtEvents.Rpc;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

using UserV1 = KtEvents.Contracts.User.V1;

namespace KtEvents.Gateway.Apis;

/// <summary>An owner's events and the creation wizard (UFR-EVENT-010..050), handled by the Event service.</summary>
public static class EventsApi
{
    /// <summary>ListEventTotals takes at most this many ids per call.</summary>
    private const int MaxTotalsPerCall = 100;

    /// <summary>The cards' figures must not hold the dashboard up for long.</summary>
    private static readonly TimeSpan FiguresBudget = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/events").WithTags("Events").RequireAuthorization();
        events.MapGet("/", ListEvents);
        events.MapPost("/", CreateEvent);
        events.MapGet("/{id}", GetEvent);
        events.MapPost("/{id}/recommendations", Recommend);
        events.MapPost("/{id}/recommendations/stream", StreamRecommendation);
        events.MapPut("/{id}/plan", SelectPlan);
        events.MapPost("/{id}/images", GenerateImages);
        events.MapPut("/{id}/image", SelectImage);
        events.MapPut("/{id}/channels", SetChannels);
        events.MapPost("/{id}/approve", Approve);
        events.MapPut("/{id}/sales", ReportSales);
        app.MapPost("/channels/estimate", EstimateChannels).WithTags("Events").RequireAuthorization();
        return app;
    }

    /// <summary>
    /// The owner's events with each card's participants and exposures (UFR-EVENT-010). The figures are
    /// a garnish: if Analytics cannot answer in time the list still comes, without them.
    /// </summary>
    public static async Task<Ok<IReadOnlyList<EventSummaryResponse>>> ListEvents(
        EventClient events, AnalyticsClient analytics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var reply = await events.ListEventsAsync(new ListEventsRequest(), Calls.Within(cancellationToken));
        var approved = reply.Events.Where(e => e.Status != EventStatus.Draft).Select(e => e.EventId).ToList();
        Dictionary<string, EventTotals>? totals = null;
        try
        {
            var batches = await Task.WhenAll(approved.Chunk(MaxTotalsPerCall).Select(async ids =>
                (await analytics.ListEventTotalsAsync(new ListEventTotalsRequest { EventIds = { ids } }, Calls.Within(cancellationToken, FiguresBudget))).Events));
            totals = batches.SelectMany(batch => batch).ToDictionary(t => t.EventId);
        }
        catch (RpcException failure) when (failure.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
        {
            GatewayLog.FiguresUnavailable(loggers.CreateLogger(typeof(EventsApi)), failure.StatusCode);
        }

        return TypedResults.Ok<IReadOnlyList<EventSummaryResponse>>(reply.Events.Select(e =>
        {
            var card = e.ToResponse();
            if (e.Status == EventStatus.Draft || totals is null)
            {
                return card;
            }
            // An approved event Analytics has not heard of yet has, truly, no entries or exposures so far.
            var figures = totals.GetValueOrDefault(e.EventId);
            return card with { Participants = figures?.Participants ?? 0, Exposures = figures?.Exposures ?? 0 };
        }).ToList());
    }

    /// <summary>The draft takes a snapshot of the owner's store, which the AI and the channels work from.</summary>
    public static async Task<Created<EventDetailResponse>> CreateEvent(
        Model.CreateEventRequest body, UserClient users, EventClient events, CancellationToken cancellationToken)
    {
        var owner = await users.GetProfileAsync(new UserV1.GetProfileRequest(), Calls.Within(cancellationToken));
        var detail = await events.CreateEventAsync(
            new Contracts.Event.V1.CreateEventRequest
            {
                Purpose = EventPurposes.Parse(body.Purpose),
                Store = new StoreSnapshot
                {
                    StoreId = owner.Store.StoreId,
                    Name = owner.Store.Name,
                    Industry = owner.Store.Industry,
                    Address = owner.Store.Address,
                    Phone = owner.Phone,
                },
            },
            Calls.Within(cancellationToken));
        return TypedResults.Created($"/api/events/{detail.EventId}", detail.ToResponse());
    }

    public static async Task<Ok<EventDetailResponse>> GetEvent(string id, EventClient events, CancellationToken cancellationToken) =>
        TypedResults.Ok((await events.GetEventAsync(new GetEventRequest { EventId = id }, Calls.Within(cancellationToken))).ToResponse());

    public static async Task<Ok<EventDetailResponse>> Recommend(
        string id, Model.RecommendRequest? body, EventClient events, CancellationToken cancellationToken)
    {
        var detail = await events.RecommendAsync(
            new RecommendEventRequest { EventId = id, Refresh = body?.Refresh ?? false },
            Calls.Within(cancellationToken, Calls.Recommendation));
        return TypedResults.Ok(detail.ToResponse());
    }

    /// <summary>
    /// UFR-EVENT-030 with progress, as server-sent events: <c>trends</c> (the analysis, as soon as it is
    /// written) and then <c>event</c> (the draft with its plans saved; always last). A draft that already
    /// has plans sends only <c>event</c>. A failure before the first update is an ordinary ProblemDetails
    /// response with the status of <see cref="Recommend"/>; one after it is an <c>error</c> event whose
    /// data is the ProblemDetails, and ends the stream.
    /// </summary>
    public static async Task<ServerSentEventsResult<string>> StreamRecommendation(
        string id, Model.RecommendRequest? body, EventClient events, IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> problems,
        HttpContext httpContext, ILogger<RecommendationStream> logger, CancellationToken cancellationToken)
    {
        var call = events.StreamRecommend(
            new RecommendEventRequest { EventId = id, Refresh = body?.Refresh ?? false },
            Calls.Within(cancellationToken, Calls.Recommendation));
        try
        {
            // Reading the first update here lets a bad id or a dead service answer with its own status.
            if (!await call.ResponseStream.MoveNext(cancellationToken))
            {
                throw new RpcException(new Status(StatusCode.Internal, "The Event service's stream ended without an update."));
            }
        }
        catch
        {
            call.Dispose();
            throw;
        }
        var stream = new RecommendationStream(call, json.Value.SerializerOptions, problems.Value, httpContext, logger);
        return TypedResults.ServerSentEvents(stream.ReadAsync(cancellationToken));
    }

    public static async Task<Ok<EventDetailResponse>> SelectPlan(
        string id, Model.SelectPlanRequest body, EventClient events, CancellationToken cancellationToken)
    {
        var detail = await events.SelectPlanAsync(
            new Contracts.Event.V1.SelectPlanRequest { EventId = id, PlanId = body.PlanId ?? "", Title = body.Title ?? "", Prize = body.Prize ?? "" },
            Calls.Within(cancellationToken));
        return TypedResults.Ok(detail.ToResponse());
    }

    public static async Task<Ok<ImagesResponse>> GenerateImages(string id, EventClient events, CancellationToken cancellationToken)
    {
        var reply = await events.GenerateImagesAsync(new GenerateEventImagesRequest { EventId = id }, Calls.Within(cancellationToken, Calls.Content));
        return TypedResults.Ok(new ImagesResponse(reply.Images.Select(i => i.ToResponse()).ToList()));
    }

    public static async Task<Ok<EventDetailResponse>> SelectImage(
        string id, Model.SelectImageRequest body, EventClient events, CancellationToken cancellationToken)
    {
        var detail = await events.SelectImageAsync(
            new SelectEventImageRequest { EventId = id, ImageId = body.ImageId ?? "" },
            Calls.Within(cancellationToken));
        return TypedResults.Ok(detail.ToResponse());
    }

    public static async Task<Ok<ChannelPlanResponse>> EstimateChannels(ChannelsRequest body, EventClient events, CancellationToken cancellationToken)
    {
        var request = new EstimateChannelsRequest();
        request.Channels.AddRange(body.ToContract());
        return TypedResults.Ok((await events.EstimateChannelsAsync(request, Calls.Within(cancellationToken))).ToResponse());
    }

    public static async Task<Ok<EventDetailResponse>> SetChannels(string id, ChannelsRequest body, EventClient events, CancellationToken cancellationToken)
    {
        var request = new SetChannelsRequest { EventId = id };
        request.Channels.AddRange(body.ToContract());
        return TypedResults.Ok((await events.SetChannelsAsync(request, Calls.Within(cancellationToken))).ToResponse());
    }

    public static async Task<Ok<EventDetailResponse>> Approve(string id, EventClient events, CancellationToken cancellationToken) =>
        TypedResults.Ok((await events.ApproveAsync(new ApproveEventRequest { EventId = id }, Calls.Within(cancellationToken))).ToResponse());

    public static async Task<Ok<EventDetailResponse>> ReportSales(
        string id, Model.ReportSalesRequest body, EventClient events, CancellationToken cancellationToken)
    {
        var request = new Contracts.Event.V1.ReportSalesRequest { EventId = id };
        if (body.SalesIncreaseKrw is { } sales)
        {
            request.SalesIncreaseKrw = sales;
        }

        return TypedResults.Ok((await events.ReportSalesAsync(request, Calls.Within(cancellationToken))).ToResponse());
    }
}
