using KtEvents.Contracts.Distribution.V1;

namespace KtEvents.Distribution.Model;

/// <summary>The states of a channel as stored and as published in DistributionProgressed.</summary>
public static class ChannelStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static ChannelState ToProto(string state) => state switch
    {
        Pending => ChannelState.Pending,
        Running => ChannelState.Running,
        Succeeded => ChannelState.Succeeded,
        Failed => ChannelState.Failed,
        _ => ChannelState.Unspecified,
    };
}
