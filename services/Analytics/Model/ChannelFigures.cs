namespace KtEvents.Analytics.Model;

public sealed record ChannelFigures(string Channel, long Exposures, long Participants, long CostKrw);
