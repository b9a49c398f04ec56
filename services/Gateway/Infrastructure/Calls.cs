using KtEvents.Rpc;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// Every call to a service has a deadline, so a stuck service costs the browser a clear 503 after a
/// bounded wait instead of a hung request; and it is cancelled when the browser goes away.
/// </summary>
public static class Calls
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    /// <summary>The AI step's own budget is 10 s inside the Event service; this leaves room for the hop.</summary>
    public static readonly TimeSpan Recommendation = TimeSpan.FromSeconds(15);

    /// <summary>Image generation may take up to 30 s (UFR-CONT-010).</summary>
    public static readonly TimeSpan Content = TimeSpan.FromSeconds(35);

    public static CallOptions Within(CancellationToken cancellationToken, TimeSpan? budget = null) =>
        new(deadline: DateTime.UtcNow.Add(budget ?? Default), cancellationToken: cancellationToken);
}
