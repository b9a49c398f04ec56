namespace KtEvents.Ai.Model;

/// <summary>Korean particles that depend on the word before them (받침), so templated sentences read naturally.</summary>
public static class Korean
{
    /// <summary>"경품이" / "쿠폰이" / "기프티콘이" vs "커피가": <paramref name="withFinal"/> after a final consonant.</summary>
    public static string WithParticle(string word, string withFinal, string withoutFinal) =>
        word + (HasFinalConsonant(word) ? withFinal : withoutFinal);

    /// <summary>"…으로" after a final consonant other than ㄹ, "…로" otherwise ("3개월로", "1년으로").</summary>
    public static string WithDirectional(string word)
    {
        var last = word.TrimEnd().LastOrDefault();
        var finalIsRieul = last is >= '가' and <= '힣' && (last - '가') % 28 == 8;
        return word + (HasFinalConsonant(word) && !finalIsRieul ? "으로" : "로");
    }

    private static bool HasFinalConsonant(string word)
    {
        var last = word.TrimEnd().LastOrDefault();
        return last is >= '가' and <= '힣'
            ? (last - '가') % 28 != 0
            : char.IsDigit(last) && "013678".Contains(last); // 영, 일, 삼, 육, 칠, 팔
    }
}
