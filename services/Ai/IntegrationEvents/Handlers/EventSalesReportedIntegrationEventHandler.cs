using KtEvents.Ai.Infrastructure;
using KtEvents.Ai.Model;
using KtEvents.Ai.Recommendations;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Ai.IntegrationEvents.Handlers;

/// <summary>
/// The owner reported an ended event's sales: its real ROI completes the event's success case (so
/// the ROI statistics count it) and measures the ROI the plan predicted (seed 003: 실제 ROI와 예측
/// ROI 차이). A correction replaces an earlier report; a repeated or older one changes nothing.
/// </summary>
public sealed partial class EventSalesReportedIntegrationEventHandler(
    OutcomeRepository outcomes,
    DataVersions dataVersions,
    IntegrationEventContext context,
    ILogger<EventSalesReportedIntegrationEventHandler> logger) : IIntegrationEventHandler<EventSalesReportedIntegrationEvent>
{
    public async Task Handle(EventSalesReportedIntegrationEvent @event, CancellationToken cancellationToken)
    {
        var sales = new SalesOutcome(
            @event.EventId, @event.Industry, @event.SalesIncreaseKrw, @event.CostKrw,
            @event.ActualRoiPercent, @event.ExpectedRoiPercent, @event.ReportedAt);
        var changes = await outcomes.AddSalesAsync(sales, context.Transaction, cancellationToken);
        OutcomeEffects.OnCommitted(context, changes, @event.Industry, dataVersions);
        LogHandled(logger, @event.EventId, @event.ActualRoiPercent, @event.ExpectedRoiPercent, changes.CaseChanged, changes.RoiError);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} has its sales: ROI {ActualRoiPercent}% against {ExpectedRoiPercent}% expected; case changed {CaseChanged}, ROI prediction error {RoiError}")]
    private static partial void LogHandled(ILogger logger, Guid eventId, int actualRoiPercent, int expectedRoiPercent, bool caseChanged, double? roiError);
}
