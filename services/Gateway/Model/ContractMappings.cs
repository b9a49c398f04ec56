using KtEvents.Contracts;
using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Content.V1;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.Participation.V1;
using KtEvents.Contracts.User.V1;

using AnalyticsSummary = KtEvents.Contracts.Analytics.V1.EventSummary;
using EventSummary = KtEvents.Contracts.Event.V1.EventSummary;

namespace KtEvents.Gateway.Model;

/// <summary>
/// The services' gRPC messages as the REST shapes of docs/api.md. Protobuf's defaults (empty string,
/// no timestamp) become JSON nulls, and enums become the lower-case names the web app switches on.
/// </summary>
public static class ContractMappings
{
    public static SessionResponse ToResponse(this AuthReply reply) => new(
        reply.AccessToken,
        reply.AccessTokenExpiresAt.ToDateTimeOffset(),
        NullIfEmpty(reply.RefreshToken),
        reply.RefreshTokenExpiresAt?.ToDateTimeOffset(),
        reply.Owner.ToResponse());

    public static OwnerResponse ToResponse(this OwnerProfile owner) => new(
        owner.UserId,
        owner.Name,
        owner.Phone,
        owner.Email,
        new StoreResponse(
            owner.Store.StoreId, owner.Store.Name, owner.Store.Industry, owner.Store.Address, owner.Store.OpeningHours, owner.Store.BusinessNumber));

    public static EventSummaryResponse ToResponse(this EventSummary summary) => new(
        summary.EventId,
        Name(summary.Status),
        summary.Title,
        EventPurposes.ToName(summary.Purpose),
        summary.StartsAt?.ToDateTimeOffset(),
        summary.EndsAt?.ToDateTimeOffset(),
        summary.CreatedAt.ToDateTimeOffset(),
        NullIfEmpty(summary.ImageId));

    public static EventDetailResponse ToResponse(this EventDetail detail) => new(
        detail.EventId,
        Name(detail.Status),
        EventPurposes.ToName(detail.Purpose),
        new StoreSnapshotResponse(detail.Store.StoreId, detail.Store.Name, detail.Store.Industry, detail.Store.Address, detail.Store.Phone),
        detail.Recommendation?.ToResponse(),
        detail.SelectedPlan?.ToResponse(),
        NullIfEmpty(detail.ImageId),
        detail.ChannelPlan?.ToResponse(),
        detail.StartsAt?.ToDateTimeOffset(),
        detail.EndsAt?.ToDateTimeOffset(),
        detail.ApprovedAt?.ToDateTimeOffset(),
        detail.CreatedAt.ToDateTimeOffset(),
        detail.Sales is { } sales
            ? new SalesReportResponse(sales.SalesIncreaseKrw, sales.CostKrw, sales.RoiPercent, sales.ExpectedRoiPercent, sales.ReportedAt.ToDateTimeOffset())
            : null);

    public static RecommendationResponse ToResponse(this RecommendReply reply) => new(
        reply.Trends.ToResponse(),
        reply.Plans.Select(ToResponse).ToList(),
        new RecommendationMetadataResponse(
            reply.Metadata.Engine,
            reply.Metadata.CacheHit,
            reply.Metadata.SyntheticData,
            reply.Metadata.RecommendationId,
            reply.Metadata.GeneratedAt?.ToDateTimeOffset(),
            reply.Metadata.Stages.Select(s => new StageTimingResponse(s.Stage, s.Milliseconds)).ToList(),
            reply.Metadata.InputTokens,
            reply.Metadata.OutputTokens));

    public static TrendsResponse ToResponse(this Trends trends) =>
        new(trends.Industry.ToResponse(), trends.Region.ToResponse(), trends.Season.ToResponse());

    public static PlanResponse ToResponse(this Plan plan) => new(
        plan.PlanId,
        plan.BudgetTier switch
        {
            BudgetTier.Low => "low",
            BudgetTier.Medium => "medium",
            BudgetTier.High => "high",
            _ => "unspecified",
        },
        plan.Kind switch
        {
            PlanKind.Online => "online",
            PlanKind.Offline => "offline",
            _ => "unspecified",
        },
        plan.Title,
        plan.Prize,
        plan.ParticipationMethod,
        plan.PromotionLines.ToList(),
        plan.ExpectedParticipants,
        plan.CostKrw,
        plan.ExpectedRoiPercent,
        plan.KtMembershipPoints,
        plan.DurationDays,
        plan.PrizeQuantity);

    public static ImageResponse ToResponse(this Image image) => new(
        image.ImageId,
        image.EventId,
        image.Style switch
        {
            ImageStyle.Simple => "simple",
            ImageStyle.Fancy => "fancy",
            ImageStyle.Trendy => "trendy",
            _ => "unspecified",
        },
        image.Width,
        image.Height,
        image.Selected);

    public static ChannelPlanResponse ToResponse(this ChannelPlan plan) => new(
        plan.Channels.Select(c => new ChannelEstimateResponse(c.Channel, new Dictionary<string, string>(c.Options), c.CostKrw, c.ExpectedExposure)).ToList(),
        plan.TotalCostKrw,
        plan.TotalExposure);

    public static DistributionResponse ToResponse(this EventDistribution distribution) => new(
        distribution.EventId,
        distribution.Channels.Select(c => c.ToResponse()).ToList());

    public static ChannelDistributionResponse ToResponse(this ChannelDistribution channel) => new(
        channel.Channel,
        channel.State switch
        {
            ChannelState.Pending => "pending",
            ChannelState.Running => "running",
            ChannelState.Succeeded => "succeeded",
            ChannelState.Failed => "failed",
            ChannelState.Cancelled => "cancelled",
            _ => "pending",
        },
        channel.Attempts,
        NullIfEmpty(channel.ExternalId),
        NullIfEmpty(channel.PostUrl),
        NullIfEmpty(channel.ErrorMessage),
        channel.UpdatedAt?.ToDateTimeOffset(),
        channel.ExpectedExposure,
        channel.MaxAttempts,
        channel.Retryable,
        channel.Cancellable,
        channel.ReportedExposure > 0 ? channel.ReportedExposure : null,
        channel.RingbackUpdatedAt?.ToDateTimeOffset(),
        channel.ExposureSchedule.Select(slot => new ExposureSlotResponse(slot.Date, slot.From, slot.To)).ToList());

    public static AnalyticsSummaryResponse ToResponse(this AnalyticsSummary summary) => new(
        summary.EventId,
        summary.Participants,
        summary.Exposures,
        summary.ExpectedParticipants,
        summary.TotalCostKrw,
        summary.Channels.Select(c => new ChannelFiguresResponse(c.Channel, c.Exposures, c.Participants, c.CostKrw)).ToList(),
        summary.UpdatedAt?.ToDateTimeOffset(),
        summary.Hourly.Select(h => new HourlyParticipantsResponse(h.HourStart.ToDateTimeOffset(), h.Participants)).ToList());

    public static PublicEventResponse ToResponse(this PublicEvent publicEvent) => new(
        publicEvent.EventId,
        publicEvent.StoreName,
        publicEvent.Title,
        publicEvent.Prize,
        publicEvent.ParticipationMethod,
        publicEvent.StartsAt?.ToDateTimeOffset(),
        publicEvent.EndsAt?.ToDateTimeOffset(),
        publicEvent.AnnounceAt?.ToDateTimeOffset(),
        publicEvent.Open,
        NullIfEmpty(publicEvent.ImageId),
        publicEvent.ConsentText,
        publicEvent.ConsentVersion);

    public static IEnumerable<ChannelChoice> ToContract(this ChannelsRequest request) =>
        (request.Channels ?? []).Select(c =>
        {
            var choice = new ChannelChoice { Channel = c.Channel ?? "" };
            foreach (var (key, value) in c.Options ?? new Dictionary<string, string>())
            {
                choice.Options[key] = value ?? "";
            }

            return choice;
        });

    private static TrendResponse ToResponse(this TrendSection? section) => section is null
        ? new TrendResponse("", "", [])
        : new TrendResponse(section.Title, section.Narrative, section.Figures.Select(f => new TrendFigureResponse(f.Label, f.Value)).ToList());

    private static string Name(EventStatus status) => status switch
    {
        EventStatus.Draft => "draft",
        EventStatus.Scheduled => "scheduled",
        EventStatus.Active => "active",
        EventStatus.Ended => "ended",
        _ => "draft",
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
