using KtEvents.Ai.Model;
using KtEvents.Ai.Recommendations;
using KtEvents.Ai.Telemetry;
using KtEvents.Messaging.EventBus;

namespace KtEvents.Ai.IntegrationEvents.Handlers;

/// <summary>
/// What follows a committed outcome or sales report, never a rolled-back one: the industry's cached
/// answers retire if its real data changed, and each newly measured prediction error is recorded.
/// </summary>
public static class OutcomeEffects
{
    public static void OnCommitted(IntegrationEventContext context, OutcomeChanges changes, string industry, DataVersions dataVersions)
    {
        if (changes.CaseChanged)
        {
            context.OnCommitted(() => dataVersions.BumpAsync(industry));
        }

        if (changes.ParticipantsError is not null || changes.RoiError is not null)
        {
            context.OnCommitted(() =>
            {
                Record(changes.ParticipantsError, industry, "participants");
                Record(changes.RoiError, industry, "roi");
                return Task.CompletedTask;
            });
        }
    }

    private static void Record(double? error, string industry, string measure)
    {
        if (error is { } value)
        {
            AiTelemetry.PredictionError.Record(value,
                new KeyValuePair<string, object?>("industry", industry),
                new KeyValuePair<string, object?>("measure", measure));
        }
    }
}
