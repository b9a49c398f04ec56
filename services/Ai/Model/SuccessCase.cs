namespace KtEvents.Ai.Model;

/// <summary>
/// A past event and its outcome, a row of <c>success_cases</c>. ROI is (gain − cost) / cost in percent;
/// null for a real outcome reported without sales.
/// </summary>
public sealed record SuccessCase(
    string Title,
    string Industry,
    string City,
    string District,
    Season Season,
    DateOnly EventDate,
    string BudgetTier,
    long BudgetKrw,
    string EventType,
    string Prize,
    string ParticipationMethod,
    string Kind,
    int Participants,
    long CostKrw,
    int? RoiPercent);
