namespace KtEvents.Rpc;

/// <summary>
/// The outcome of a call: a code and a human-readable detail (sent as <c>grpc-message</c>). A client
/// keeps the local exception that caused a failure in <see cref="DebugException"/>; it never travels.
/// </summary>
public readonly record struct Status(StatusCode StatusCode, string Detail, Exception? DebugException = null)
{
    public static Status DefaultSuccess { get; } = new(StatusCode.OK, "");

    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
