namespace KtEvents.Gateway.Model;

public sealed record ChannelFiguresResponse(string Channel, long Exposures, long Participants, long CostKrw);
