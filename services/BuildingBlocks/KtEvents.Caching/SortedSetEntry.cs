namespace KtEvents.Caching;

/// <summary>One member of a sorted set and its score.</summary>
public readonly record struct SortedSetEntry(RedisValue Element, double Score);
