using KtEvents.Contracts.Channels;

namespace KtEvents.Distribution.Model;

/// <summary>
/// Which channels the owner may cancel, and when (UFR-DIST-020: "취소" 버튼, 일부 채널만 가능).
/// Cancelling only ever stops a post we have not made: none of the channels' APIs we use can withdraw
/// one, so "취소됨" must mean that the channel shows nothing.
/// <list type="bullet">
/// <item>While an attempt is in flight (a worker holds the row's lease) no channel can be cancelled:
/// the request may already have been accepted, and 취소됨 would deny a post that may exist.</item>
/// <item>Between attempts (대기중, or 진행중 waiting for its next attempt after a transient failure), the
/// SNS posts (Instagram, Naver Blog, Kakao Channel), the 지니TV ad booking and the 우리동네TV broadcast
/// can be cancelled: each is a separate publication that only exists once the channel accepts it, and
/// the idempotency key means a failed earlier attempt left nothing behind at the channel.</item>
/// <item>링고비즈 never: it replaces the tone of the store's own phone line in one PUT that the switch
/// applies the moment it arrives, even when its answer is lost on the way back. The row is 대기중 only
/// for the instant before the worker's first poll, and after any attempt nobody knows which tone
/// callers hear, so a 취소 button there would almost always either fail or lie.</item>
/// </list>
/// </summary>
public static class ChannelCancellation
{
    public static bool IsCancellable(string channel) =>
        channel is ChannelCodes.UriDongneTv or ChannelCodes.GenieTv
            or ChannelCodes.Instagram or ChannelCodes.NaverBlog or ChannelCodes.KakaoChannel;

    public static bool CanCancel(string channel, string state, bool attemptInFlight) =>
        IsCancellable(channel) && !attemptInFlight && state is ChannelStates.Pending or ChannelStates.Running;

    /// <summary>Why <see cref="CanCancel"/> said no, for the owner.</summary>
    public static string Refusal(string channel, string state, bool attemptInFlight)
    {
        var name = ChannelCodes.IsKnown(channel) ? ChannelCodes.DisplayName(channel) : channel;
        return !IsCancellable(channel) ? $"{name} 배포는 취소할 수 없습니다. 연결음은 요청이 전달되는 즉시 매장 전화에 적용됩니다."
            : state == ChannelStates.Cancelled ? $"{name} 배포는 이미 취소되었습니다."
            : ChannelStates.IsFinal(state) ? $"{name} 배포가 이미 끝나 취소할 수 없습니다."
            : attemptInFlight ? $"{name}에 지금 게시하는 중이라 취소할 수 없습니다. 잠시 후 상태를 확인해주세요."
            : $"{name} 배포는 지금 취소할 수 없습니다.";
    }
}
