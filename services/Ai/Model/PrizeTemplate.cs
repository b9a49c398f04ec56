using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Model;

/// <summary>A prize an event of <see cref="Tier"/> can give; <see cref="Industry"/> null means any industry.</summary>
public sealed record PrizeTemplate(string Name, string? Industry, BudgetTier Tier, long UnitPriceKrw, bool KtMembershipPoints = false);
