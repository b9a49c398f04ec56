namespace KtEvents.Gateway.Model;

public sealed record ChannelEstimateResponse(string Channel, IReadOnlyDictionary<string, string> Options, long CostKrw, long ExpectedExposure);
