namespace KtEvents.Gateway.Model;

/// <summary>One day of a 지니TV ad's airing schedule, as the channel booked it: <c>2026-12-01</c>, <c>07:00</c> – <c>23:00</c>.</summary>
public sealed record ExposureSlotResponse(string Date, string From, string To);
