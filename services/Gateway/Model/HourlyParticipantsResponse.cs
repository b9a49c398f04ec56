namespace KtEvents.Gateway.Model;

public sealed record HourlyParticipantsResponse(DateTimeOffset HourStart, long Participants);
