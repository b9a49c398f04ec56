namespace KtEvents.Gateway.Model;

public sealed record PlanResponse(string PlanId, string BudgetTier, string Kind, string Title, string Prize, string ParticipationMethod, IReadOnlyList<string> PromotionLines, int ExpectedParticipants, long CostKrw, int ExpectedRoiPercent, bool KtMembershipPoints, int DurationDays, int PrizeQuantity);
