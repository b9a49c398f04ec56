namespace KtEvents.Rpc;

/// <summary>
/// Per-call settings, as Grpc.Core's <c>CallOptions</c>: metadata to send (e.g. <c>authorization</c>),
/// a deadline (sent as <c>grpc-timeout</c>, enforced on both sides) and a cancellation token.
/// </summary>
public readonly record struct CallOptions(
    Metadata? Headers = null, DateTime? Deadline = null, CancellationToken CancellationToken = default);
