using System.Globalization;
using System.Text;

namespace KtEvents.Content.Rendering;

/// <summary>
/// Breaks text into lines that fit a width, measured in ems: Hangul and other wide characters are
/// about 1 em in Noto Sans CJK, Latin letters and digits about 0.55. Lines break between words where
/// there are spaces (Korean is written with spaces between 어절) and inside a word only when the word
/// alone is too long. What does not fit in <c>maxLines</c> ends with an ellipsis.
/// </summary>
public static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, double maxEm, int maxLines)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Width(candidate) <= maxEm)
            {
                line.Clear().Append(candidate);
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            // A word wider than the line: cut it by text elements (never inside a surrogate pair).
            foreach (var element in Elements(word))
            {
                if (Width(line + element) > maxEm && line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(element);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        if (lines.Count <= maxLines)
        {
            return lines;
        }

        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && Width(last + "…") > maxEm)
        {
            last = last[..^1];
        }

        kept[^1] = last.TrimEnd() + "…";
        return kept;
    }

    public static double Width(string text) => Elements(text).Sum(element => IsWide(element[0]) ? 1.0 : element == " " ? 0.3 : 0.55);

    private static IEnumerable<string> Elements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u11FF'      // Hangul Jamo
            or >= '\u2E80' and <= '\uA4CF'    // CJK, Hangul compatibility jamo, kana
            or >= '\uAC00' and <= '\uD7AF'    // Hangul syllables
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF00' and <= '\uFF60'
            || char.IsSurrogate(c);           // emoji
}
