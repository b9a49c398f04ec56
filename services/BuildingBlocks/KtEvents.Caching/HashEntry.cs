namespace KtEvents.Caching;

/// <summary>One field of a hash and its value.</summary>
public readonly record struct HashEntry(RedisValue Name, RedisValue Value);
