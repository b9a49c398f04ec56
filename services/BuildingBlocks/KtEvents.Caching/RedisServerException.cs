namespace KtEvents.Caching;

/// <summary>The server answered with an error reply (<c>-ERR …</c>, <c>-WRONGTYPE …</c>); the connection is fine.</summary>
public sealed class RedisServerException(string message) : RedisException(message);
