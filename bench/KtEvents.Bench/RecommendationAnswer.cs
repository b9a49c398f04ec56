/// <summary>One <c>POST /api/events/{id}/recommendations</c> as the browser saw it, with what the reply's metadata says.</summary>
internal sealed record RecommendationAnswer(double Milliseconds, string Engine, bool CacheHit, IReadOnlyDictionary<string, int> Stages)
{
    public int Stage(string name) => Stages.GetValueOrDefault(name);

    /// <summary>The Ai service's own time as its stages add up (the calls run side by side, so the slower of the two counts).</summary>
    public int AiMilliseconds =>
        Stages.Where(s => s.Key is not ("claude.trends" or "claude.plans")).Sum(s => s.Value)
        + Math.Max(Stage("claude.trends"), Stage("claude.plans"));

    public bool Is(string engine, bool cacheHit) => Engine == engine && CacheHit == cacheHit;
}
