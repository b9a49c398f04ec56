namespace KtEvents.Sandbox.Channels;

/// <summary>Ids in the shapes the real channels use.</summary>
internal static class Ids
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public static string Numeric(int digits) =>
        string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + Random.Shared.Next(i == 0 ? 1 : 0, 10))));

    public static string Letters(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
}
