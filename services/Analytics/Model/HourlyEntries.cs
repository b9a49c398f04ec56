namespace KtEvents.Analytics.Model;

/// <summary>Entries counted in the hour starting at <paramref name="HourStart"/> (UTC).</summary>
public sealed record HourlyEntries(DateTimeOffset HourStart, long Participants);
