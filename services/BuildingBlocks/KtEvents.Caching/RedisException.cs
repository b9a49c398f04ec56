namespace KtEvents.Caching;

/// <summary>Base of the errors this client raises about Redis itself (not timeouts, as in StackExchange.Redis).</summary>
public class RedisException(string message, Exception? innerException = null) : Exception(message, innerException);
