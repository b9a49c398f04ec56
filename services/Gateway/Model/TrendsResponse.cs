namespace KtEvents.Gateway.Model;

public sealed record TrendsResponse(TrendResponse Industry, TrendResponse Region, TrendResponse Season);
