using KtEvents.Contracts.Distribution.V1;

namespace KtEvents.Distribution.Model;

/// <summary>The states of a channel as stored and as published in DistributionProgressed.</summary>
public static class ChannelStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>취소됨: the owner cancelled the channel before it was posted; the worker never takes it up again.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>States no attempt will change any more (only the owner's 재시도 reopens a failed one).</summary>
    public static bool IsFinal(string state) => state is Succeeded or Failed or Cancelled;

    public static ChannelState ToProto(string state) => state switch
    {
        Pending => ChannelState.Pending,
        Running => ChannelState.Running,
        Succeeded => ChannelState.Succeeded,
        Failed => ChannelState.Failed,
        Cancelled => ChannelState.Cancelled,
        _ => ChannelState.Unspecified,
    };
}
