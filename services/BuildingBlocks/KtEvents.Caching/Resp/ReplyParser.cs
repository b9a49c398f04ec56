using System.Buffers;

namespace KtEvents.Caching.Resp;

/// <summary>Turns one complete, non-error reply into the result a command returns.</summary>
internal delegate T ReplyParser<out T>(in ReadOnlySequence<byte> reply);
