namespace KtEvents.Contracts.IntegrationEvents;

/// <summary>One channel of an approved event, with the owner's options and Event's estimates.</summary>
public sealed record ApprovedChannel(
    string Channel,
    IReadOnlyDictionary<string, string> Options,
    long CostKrw,
    long ExpectedExposure);
