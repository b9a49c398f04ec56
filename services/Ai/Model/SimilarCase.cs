namespace KtEvents.Ai.Model;

/// <summary>A past event close to a plan slot: same industry where possible, similar budget, ranked by region, season and kind match, then ROI.</summary>
public sealed record SimilarCase(string EventType, string Prize, string Kind, int Participants, long CostKrw, int RoiPercent, bool SameIndustry);
