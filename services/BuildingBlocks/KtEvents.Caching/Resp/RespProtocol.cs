namespace KtEvents.Caching.Resp;

/// <summary>The first byte of each RESP2 reply kind.</summary>
internal static class RespProtocol
{
    public const byte SimpleString = (byte)'+';
    public const byte Error = (byte)'-';
    public const byte Integer = (byte)':';
    public const byte BulkString = (byte)'$';
    public const byte Array = (byte)'*';

    /// <summary>Redis caps bulk strings at 512 MB; a larger length means the stream is out of step.</summary>
    public const long MaxBulkLength = 512L * 1024 * 1024;

    /// <summary>Nesting deeper than this is not something Redis sends; refusing it bounds the recursion.</summary>
    public const int MaxDepth = 32;

    public static RedisConnectionException Malformed(string detail) =>
        new(ConnectionFailureType.ProtocolFailure, $"The server sent a malformed RESP reply: {detail}.");
}
