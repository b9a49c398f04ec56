using KtEvents.Distribution.Model;

namespace KtEvents.Distribution.Channels;

/// <summary>The words of a post, the same on every channel, with dates as owners and customers read them (Asia/Seoul).</summary>
public static class PostText
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    public static string Headline(DistributionRun run) => $"[{run.StoreName}] {run.Title}";

    public static string Period(DistributionRun run) =>
        $"{TimeZoneInfo.ConvertTime(run.StartsAt, Seoul):yyyy.MM.dd} – {TimeZoneInfo.ConvertTime(run.EndsAt, Seoul):yyyy.MM.dd}";

    public static string Body(DistributionRun run) =>
        $"""
        {Headline(run)}
        🎁 경품: {run.Prize}
        📅 기간: {Period(run)}
        ✋ 참여 방법: {run.ParticipationMethod}
        """;

    /// <summary>What 링고비즈 reads to callers while the store's phone rings (kept short: about 30 seconds).</summary>
    public static string RingbackMessage(DistributionRun run)
    {
        var message = $"안녕하세요, {run.StoreName}입니다. 지금 {run.Title} 이벤트 진행 중! 경품은 {run.Prize}입니다.";
        return message.Length <= 200 ? message : message[..200];
    }

    public static string Option(ChannelWork work, string key, string fallback) =>
        work.Options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : fallback;
}
