namespace KtEvents.Sandbox.Claude;

/// <summary>Ids in the API's shapes: <c>msg_01…</c>, <c>toolu_01…</c>, <c>req_01…</c> (base62).</summary>
public static class AnthropicIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Message() => New("msg_", 22);

    public static string ToolUse() => New("toolu_", 22);

    public static string Request() => New("req_", 24);

    private static string New(string prefix, int length) =>
        prefix + "01" + string.Concat(Enumerable.Range(0, length).Select(_ => Base62[Random.Shared.Next(Base62.Length)]));
}
