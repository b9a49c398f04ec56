namespace KtEvents.Gateway.Model;

public sealed record StageTimingResponse(string Stage, int Milliseconds);
