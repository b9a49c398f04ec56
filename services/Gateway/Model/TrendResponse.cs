namespace KtEvents.Gateway.Model;

public sealed record TrendResponse(string Title, string Narrative, IReadOnlyList<TrendFigureResponse> Figures);
