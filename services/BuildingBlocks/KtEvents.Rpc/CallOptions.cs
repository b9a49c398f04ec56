namespace KtEvents.Rpc;

/// <summary>
/// Per-call settings, with Grpc.Core's constructor and names: metadata to send (e.g.
/// <c>authorization</c>), a deadline (UTC; sent as <c>grpc-timeout</c>, enforced on both sides;
/// <see cref="DateTime.MaxValue"/> or null means none) and a cancellation token.
/// </summary>
public readonly struct CallOptions(
    Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
{
    public Metadata? Headers { get; } = headers;

    public DateTime? Deadline { get; } = deadline;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public CallOptions WithHeaders(Metadata headers) => new(headers, Deadline, CancellationToken);

    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken);
}
