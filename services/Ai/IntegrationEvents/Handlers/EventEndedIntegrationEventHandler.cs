using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Model;
using KtEvents.Ai.Recommendations;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Ai.IntegrationEvents.Handlers;

/// <summary>
/// An ended event's real outcome joins the data (a non-synthetic success case) and its prediction
/// error is recorded (seed 003's accuracy), in the message's transaction, with the ROI of sales the
/// owner may have reported already. Once committed, the industry's data version goes up, so its
/// cached trends, similar cases and replies are recomputed.
/// </summary>
public sealed partial class EventEndedIntegrationEventHandler(
    OutcomeRepository outcomes,
    DataVersions dataVersions,
    IntegrationEventContext context,
    ILogger<EventEndedIntegrationEventHandler> logger) : IIntegrationEventHandler<EventEndedIntegrationEvent>
{
    public async Task Handle(EventEndedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        var outcome = ToOutcome(@event);
        if (outcome.Case is null)
        {
            LogNoCase(logger, @event.EventId, @event.PlanId, @event.Industry);
        }

        var changes = await outcomes.AddAsync(outcome, context.Transaction, cancellationToken);
        OutcomeEffects.OnCommitted(context, changes, outcome.Industry, dataVersions);
        LogHandled(logger, @event.EventId, changes.CaseChanged, outcome.Error);
    }

    /// <summary>
    /// The case is placed in the slot of the plan the owner ran (its budget tier and kind), in the
    /// region of the store's address and the season and date the event started (in Seoul). Without a
    /// known slot, industry or a positive cost there is no row the statistics could use, so only the
    /// accuracy is kept.
    /// </summary>
    public static EventOutcome ToOutcome(EventEndedIntegrationEvent e)
    {
        var slot = PlanSlot.All.FirstOrDefault(s => s.PlanId == e.PlanId);
        SuccessCase? real = null;
        if (slot is not null && Industries.IsKnown(e.Industry) && e.CostKrw > 0)
        {
            var region = RegionParser.Parse(e.Address);
            var date = DateOnly.FromDateTime(e.StartsAt.ToOffset(TimeSpan.FromHours(9)).DateTime);
            real = new SuccessCase(
                e.Title, e.Industry, region.City, region.District, Seasons.Of(date), date, slot.Band.Code, e.CostKrw,
                ParticipationTemplates.EventTypeOf(e.ParticipationMethod), e.Prize, e.ParticipationMethod, slot.KindCode,
                // The ROI is the sales report's, which comes after the end (the repository adds it if it came first).
                Math.Max(e.ActualParticipants, 0), e.CostKrw, RoiPercent: null);
        }
        return new EventOutcome(e.EventId, e.RecommendationId, e.PlanId, e.Industry, e.EndsAt, e.ExpectedParticipants, e.ActualParticipants, real);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} ended with plan {PlanId} in industry {Industry}: not a success case the data can place; only its accuracy is kept")]
    private static partial void LogNoCase(ILogger logger, Guid eventId, string planId, string industry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} ended: case added {CaseAdded}, participants' prediction error {Error}")]
    private static partial void LogHandled(ILogger logger, Guid eventId, bool caseAdded, double? error);
}
