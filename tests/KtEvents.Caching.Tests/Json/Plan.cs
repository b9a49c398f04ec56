namespace KtEvents.Caching.Tests.Json;

/// <summary>A value shaped like what the services cache (an AI plan).</summary>
internal sealed record Plan(string Name, long BudgetKrw);
