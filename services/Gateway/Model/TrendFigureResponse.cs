namespace KtEvents.Gateway.Model;

public sealed record TrendFigureResponse(string Label, string Value);
