namespace KtEvents.Ai.Model;

/// <summary>
/// What writing an ended event's outcome or its sales changed: whether the industry's real data
/// changed (its cached answers then retire), and the prediction errors measured for the first time
/// (null when nothing new was measured, or the error is undefined).
/// </summary>
public sealed record OutcomeChanges(bool CaseChanged, double? ParticipantsError, double? RoiError);
