namespace KtEvents.Sandbox.Claude;

/// <summary>One plan in a <c>propose_event_plans</c> tool call (snake_case on the wire).</summary>
public sealed record EventPlan(
    string Slot,
    string Title,
    string Prize,
    string ParticipationMethod,
    IReadOnlyList<string> PromotionLines,
    int ExpectedParticipants,
    long CostKrw,
    int ExpectedRoiPercent,
    bool KtMembershipPoints,
    int DurationDays,
    int PrizeQuantity);
