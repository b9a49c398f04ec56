namespace KtEvents.Ai.Model;

/// <summary>A way to take part in an event: a short name for titles and figures, and the instruction customers read.</summary>
public sealed record ParticipationTemplate(string EventType, string Method);
