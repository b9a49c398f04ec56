using System.Globalization;
using KtEvents.Contracts.Channels;

using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Content.V1;
using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Contracts.Problems;
using KtEvents.Event.Infrastructure;
using KtEvents.Event.Model;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Event.Grpc;

/// <summary>
/// <c>kt.event.v1.EventService</c>: an owner's events and the creation wizard (UFR-EVENT-010..050).
/// Each wizard step is saved as it is made, so the wizard survives a reload; each call works on the
/// caller's own event only.
/// </summary>
[Authorize]
public sealed class EventGrpcService(
    EventRepository events,
    AiClient ai,
    ContentClient content,
    LiveUpdates live,
    TimeProvider time,
    ILogger<EventGrpcService> logger) : IGrpcService
{
    public const int MaxTitleLength = 50;
    public const int MaxPrizeLength = 30;
    private const int DefaultDurationDays = 14;
    private static readonly TimeSpan AiDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ContentDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FeedbackDeadline = TimeSpan.FromSeconds(2);
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static ServiceDescriptor Descriptor => EventReflection.Descriptor.GetService("EventService");

    public async Task<ListEventsReply> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var reply = new ListEventsReply();
        foreach (var record in await events.ListAsync(context.User.GetOwnerId(), context.CancellationToken))
        {
            reply.Events.Add(record.ToSummary(now));
        }

        return reply;
    }

    public async Task<EventDetail> CreateEvent(CreateEventRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Purpose is EventPurpose.Unspecified || !System.Enum.IsDefined(request.Purpose))
        {
            errors["purpose"] = ["이벤트 목적을 선택해주세요."];
        }

        if (request.Store is null || string.IsNullOrWhiteSpace(request.Store.Name) || string.IsNullOrWhiteSpace(request.Store.Industry))
        {
            errors["store"] = ["매장 정보를 찾을 수 없습니다. 다시 로그인해주세요."];
        }

        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }

        var record = new EventRecord(
            Guid.CreateVersion7(), context.User.GetOwnerId(), EventStatuses.Draft, request.Purpose, request.Store!,
            null, null, null, null, null, null, null, time.GetUtcNow());
        await events.CreateAsync(record, context.CancellationToken);
        EventLog.DraftCreated(logger, record.Id, record.Purpose);
        return record.ToDetail(time.GetUtcNow());
    }

    public async Task<EventDetail> GetEvent(GetEventRequest request, ServerCallContext context) =>
        (await FindAsync(request.EventId, context)).ToDetail(time.GetUtcNow());

    public Task<EventDetail> Recommend(RecommendEventRequest request, ServerCallContext context) =>
        RecommendAsync(request, trendsReady: null, context);

    /// <summary>
    /// <see cref="Recommend"/> in steps: the Ai service's trends as soon as they are written, then the
    /// event with its plans saved. Failures before the first update keep Recommend's codes.
    /// </summary>
    public async Task StreamRecommend(RecommendEventRequest request, IServerStreamWriter<RecommendEventUpdate> responseStream, ServerCallContext context)
    {
        var detail = await RecommendAsync(
            request,
            trends => responseStream.WriteAsync(new RecommendEventUpdate { Trends = trends }, context.CancellationToken),
            context);
        await responseStream.WriteAsync(new RecommendEventUpdate { Event = detail }, context.CancellationToken);
    }

    private async Task<EventDetail> RecommendAsync(RecommendEventRequest request, Func<Trends, Task>? trendsReady, ServerCallContext context)
    {
        var record = await FindDraftAsync(request.EventId, context);
        if (record.Recommendation is not null && !request.Refresh)
        {
            return record.ToDetail(time.GetUtcNow());
        }

        var seoulToday = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Seoul);
        var question = new RecommendRequest
        {
            StoreName = record.Store.Name,
            Industry = record.Store.Industry,
            Address = record.Store.Address,
            Purpose = record.Purpose,
            Date = seoulToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        RecommendReply recommendation;
        try
        {
            recommendation = trendsReady is null
                ? await ai.RecommendAsync(question, Deadline(context, AiDeadline))
                : await StreamFromAiAsync(question, trendsReady, context);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Internal)
        {
            EventLog.AiFailed(logger, record.Id, e.StatusCode);
            throw EventProblems.AiUnavailable();
        }

        await Saved(events.SaveRecommendationAsync(record.OwnerId, record.Id, recommendation, context.CancellationToken));
        if (record.Recommendation is { } previous)
        {
            // 다시 추천받기: the owner turned the previous plans down (seed 003's negative feedback).
            await SendFeedbackAsync(record.Id, new RecordFeedbackRequest
            {
                RecommendationId = previous.Metadata.RecommendationId,
                Kind = FeedbackKind.Regenerated,
            }, context);
        }
        return await GetEvent(new GetEventRequest { EventId = request.EventId }, context);
    }

    /// <summary>The Ai service's stream: each trends update passed on, the reply (always last) returned.</summary>
    private async Task<RecommendReply> StreamFromAiAsync(RecommendRequest question, Func<Trends, Task> trendsReady, ServerCallContext context)
    {
        using var call = ai.StreamRecommendation(question, Deadline(context, AiDeadline));
        await foreach (var update in call.ResponseStream.ReadAllAsync(context.CancellationToken))
        {
            switch (update.UpdateCase)
            {
                case RecommendationUpdate.UpdateOneofCase.Trends:
                    await trendsReady(update.Trends);
                    break;
                case RecommendationUpdate.UpdateOneofCase.Reply:
                    return update.Reply;
            }
        }
        // A stream that ends cleanly without its reply is a broken peer, as unavailable as a dead one.
        throw new RpcException(new Status(StatusCode.Internal, "The Ai service's stream ended without a reply."));
    }

    public async Task<EventDetail> SelectPlan(SelectPlanRequest request, ServerCallContext context)
    {
        var title = request.Title.Trim();
        var prize = request.Prize.Trim();
        var errors = new Dictionary<string, string[]>();
        if (title.Length == 0 || title.Length > MaxTitleLength)
        {
            errors["title"] = [$"이벤트 제목은 1자 이상 {MaxTitleLength}자 이하로 입력해주세요."];
        }

        if (prize.Length == 0 || prize.Length > MaxPrizeLength)
        {
            errors["prize"] = [$"경품명은 1자 이상 {MaxPrizeLength}자 이하로 입력해주세요."];
        }

        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }

        var record = await FindDraftAsync(request.EventId, context);
        var offered = record.Recommendation?.Plans.FirstOrDefault(p => p.PlanId == request.PlanId)
            ?? throw (record.Recommendation is null ? EventProblems.NoRecommendation() : EventProblems.PlanNotFound());

        var chosen = offered.Clone();
        chosen.Title = title;
        chosen.Prize = prize;
        await Saved(events.SelectPlanAsync(record.OwnerId, record.Id, chosen, context.CancellationToken));
        await SendFeedbackAsync(record.Id, new RecordFeedbackRequest
        {
            RecommendationId = record.Recommendation!.Metadata.RecommendationId,
            Kind = FeedbackKind.Selected,
            PlanId = offered.PlanId,
            EditedTitle = title == offered.Title ? "" : title,
            EditedPrize = prize == offered.Prize ? "" : prize,
        }, context);
        return await GetEvent(new GetEventRequest { EventId = request.EventId }, context);
    }

    /// <summary>
    /// Tells the Ai service what the owner made of its plans. The owner's step is already saved and must
    /// not fail for this, so a failure is logged and the feedback of that step is lost.
    /// </summary>
    private async Task SendFeedbackAsync(Guid eventId, RecordFeedbackRequest feedback, ServerCallContext context)
    {
        try
        {
            await ai.RecordFeedbackAsync(feedback, Deadline(context, FeedbackDeadline));
        }
        catch (RpcException e)
        {
            EventLog.FeedbackLost(logger, eventId, feedback.Kind, e.StatusCode);
        }
    }

    public async Task<GenerateEventImagesReply> GenerateImages(GenerateEventImagesRequest request, ServerCallContext context)
    {
        var record = await FindDraftAsync(request.EventId, context);
        var plan = record.SelectedPlan ?? throw EventProblems.NoPlanSelected();
        var (startsAt, endsAt) = Period(plan);
        GenerateImagesReply generated;
        try
        {
            generated = await content.GenerateImagesAsync(
                new GenerateImagesRequest
                {
                    EventId = record.Id.ToString(),
                    Title = plan.Title,
                    Prize = plan.Prize,
                    StoreName = record.Store.Name,
                    Period = $"{Display(startsAt)} – {Display(endsAt)}",
                },
                Deadline(context, ContentDeadline));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
        {
            EventLog.ContentFailed(logger, record.Id, e.StatusCode);
            throw EventProblems.ContentUnavailable();
        }

        var reply = new GenerateEventImagesReply();
        reply.Images.AddRange(generated.Images);
        return reply;
    }

    public async Task<EventDetail> SelectImage(SelectEventImageRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ImageId, out var imageId))
        {
            throw ServiceProblem.Validation(new Dictionary<string, string[]> { ["imageId"] = ["이미지를 선택해주세요."] });
        }

        var record = await FindDraftAsync(request.EventId, context);
        if (record.SelectedPlan is null)
        {
            throw EventProblems.NoPlanSelected();
        }

        // Content checks that the image is this owner's image of this event, and records the choice.
        await content.SelectImageAsync(new SelectImageRequest { EventId = record.Id.ToString(), ImageId = request.ImageId }, Deadline(context, ContentDeadline));
        await Saved(events.SelectImageAsync(record.OwnerId, record.Id, imageId, context.CancellationToken));
        return await GetEvent(new GetEventRequest { EventId = request.EventId }, context);
    }

    public Task<ChannelPlan> EstimateChannels(EstimateChannelsRequest request, ServerCallContext context) =>
        Task.FromResult(Estimate(request.Channels));

    public async Task<EventDetail> SetChannels(SetChannelsRequest request, ServerCallContext context)
    {
        if (request.Channels.Count == 0)
        {
            throw EventProblems.NoChannels();
        }

        var plan = Estimate(request.Channels);
        var record = await FindDraftAsync(request.EventId, context);
        await Saved(events.SetChannelsAsync(record.OwnerId, record.Id, plan, context.CancellationToken));
        return await GetEvent(new GetEventRequest { EventId = request.EventId }, context);
    }

    public async Task<EventDetail> Approve(ApproveEventRequest request, ServerCallContext context)
    {
        var record = await FindDraftAsync(request.EventId, context);
        var plan = record.SelectedPlan ?? throw EventProblems.NoPlanSelected();
        var imageId = record.ImageId ?? throw EventProblems.NoImageSelected();
        if (record.ChannelPlan is not { Channels.Count: > 0 } channelPlan)
        {
            throw EventProblems.NoChannels();
        }

        var (startsAt, endsAt) = Period(plan);
        var approved = new EventApprovedIntegrationEvent(
            record.Id,
            record.OwnerId,
            record.Store.Name,
            record.Store.Phone,
            plan.Title,
            plan.Prize,
            Math.Max(plan.PrizeQuantity, 1),
            plan.ParticipationMethod,
            plan.ExpectedParticipants,
            imageId,
            startsAt,
            endsAt,
            channelPlan.Channels
                .Select(c => new ApprovedChannel(c.Channel, new Dictionary<string, string>(c.Options), c.CostKrw, c.ExpectedExposure))
                .ToList());

        if (!await events.ApproveAsync(record.OwnerId, record.Id, startsAt, endsAt, approved, context.CancellationToken))
        {
            throw EventProblems.AlreadyApproved();
        }

        EventLog.Approved(logger, record.Id, channelPlan.Channels.Count);
        await live.PublishAsync(record.Id, LiveHint.Event);
        return await GetEvent(new GetEventRequest { EventId = request.EventId }, context);
    }

    /// <summary>
    /// UFR-ANAL-010: the sales an ended event added, as the owner counts them. Only once the end sweep
    /// has marked it (its participants counted after the grace period for late entries), so what the
    /// Ai service learns from it is the event's final outcome.
    /// </summary>
    public async Task<EventDetail> ReportSales(ReportSalesRequest request, ServerCallContext context)
    {
        if (!request.HasSalesIncreaseKrw || request.SalesIncreaseKrw is < 0 or > SalesReturn.MaxSalesIncreaseKrw)
        {
            throw ServiceProblem.Validation(new Dictionary<string, string[]>
            {
                ["salesIncreaseKrw"] = ["매출 증가액을 0원 이상 100억원 이하의 금액으로 입력해주세요."],
            });
        }

        var record = await FindAsync(request.EventId, context);
        if (!record.IsEnded)
        {
            throw EventStatuses.ToContract(record.Status, record.EndsAt, time.GetUtcNow()) == EventStatus.Ended
                ? EventProblems.EndingInProgress()
                : EventProblems.NotEnded();
        }

        if (record.SelectedPlan is not { CostKrw: > 0 })
        {
            throw EventProblems.NoPlanSelected();
        }

        var reported = await events.ReportSalesAsync(record.OwnerId, record.Id, request.SalesIncreaseKrw, context.CancellationToken)
            ?? throw EventProblems.NotFound();
        var detail = reported.ToDetail(time.GetUtcNow());
        EventLog.SalesReported(logger, record.Id, detail.Sales.RoiPercent);
        await live.PublishAsync(record.Id, LiveHint.Event);
        return detail;
    }

    private static ChannelPlan Estimate(IEnumerable<ChannelChoice> choices)
    {
        var errors = new Dictionary<string, string[]>();
        return ChannelPricing.Estimate(choices, errors) ?? throw ServiceProblem.Validation(errors);
    }

    private async Task<EventRecord> FindAsync(string eventId, ServerCallContext context) =>
        Guid.TryParse(eventId, out var id)
            ? await events.GetAsync(context.User.GetOwnerId(), id, context.CancellationToken) ?? throw EventProblems.NotFound()
            : throw EventProblems.NotFound();

    private async Task<EventRecord> FindDraftAsync(string eventId, ServerCallContext context)
    {
        var record = await FindAsync(eventId, context);
        return record.IsDraft ? record : throw EventProblems.AlreadyApproved();
    }

    /// <summary>A write that found no draft lost a race with an approval (another tab): say so.</summary>
    private static async Task Saved(Task<bool> write)
    {
        if (!await write)
        {
            throw EventProblems.AlreadyApproved();
        }
    }

    /// <summary>The event runs from today (Seoul) for the plan's days.</summary>
    private (DateTimeOffset StartsAt, DateTimeOffset EndsAt) Period(Plan plan)
    {
        var startsAt = time.GetUtcNow();
        var days = plan.DurationDays > 0 ? plan.DurationDays : DefaultDurationDays;
        return (startsAt, startsAt.AddDays(days));
    }

    private static string Display(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Seoul).ToString("M.d", CultureInfo.InvariantCulture);

    /// <summary>Our own budget for a downstream call, never past the caller's deadline.</summary>
    private static CallOptions Deadline(ServerCallContext context, TimeSpan budget)
    {
        var deadline = DateTime.UtcNow.Add(budget);
        if (context.Deadline < deadline)
        {
            deadline = context.Deadline;
        }

        return new CallOptions(deadline: deadline, cancellationToken: context.CancellationToken);
    }
}
