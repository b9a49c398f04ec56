namespace KtEvents.Participation.Model;

public static class PersonName
{
    public const int MinLength = 2;
    public const int MaxLength = 30;

    /// <summary>
    /// 홍길동 → 홍*동, 김수 → 김*, 남궁민수 → 남**수: the first and (for three or more letters) the last
    /// letter stay, as Korean services commonly show names. Counts text elements, not UTF-16 units.
    /// </summary>
    public static string Mask(string name)
    {
        var letters = System.Globalization.StringInfo.GetTextElementEnumerator(name);
        var elements = new List<string>();
        while (letters.MoveNext())
        {
            elements.Add(letters.GetTextElement());
        }
        return elements.Count switch
        {
            0 => "",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }

    public static int LengthOf(string name) => new System.Globalization.StringInfo(name).LengthInTextElements;
}
