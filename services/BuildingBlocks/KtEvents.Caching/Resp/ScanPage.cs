namespace KtEvents.Caching.Resp;

/// <summary>One SCAN reply: the cursor to continue from (0 when done) and the keys of this page.</summary>
internal readonly record struct ScanPage(ulong Cursor, RedisKey[] Keys);
