namespace KtEvents.Gateway.Model;

public sealed record RecommendRequest(bool Refresh = false);
