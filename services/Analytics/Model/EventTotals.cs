namespace KtEvents.Analytics.Model;

/// <summary>The two figures a dashboard card shows (UFR-EVENT-010).</summary>
public sealed record EventTotals(Guid EventId, long Participants, long Exposures);
