using System.Diagnostics;

namespace KtEvents.Messaging.Tests.Handlers;

/// <param name="Sequence">Order among all calls of the host (1, 2, …).</param>
public sealed record HandlerCall(long Sequence, Guid EventId, string RoutingKey, int Attempt, ActivityContext? Activity, string? ActivityName);
