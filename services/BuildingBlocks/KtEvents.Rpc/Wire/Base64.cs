namespace KtEvents.Rpc.Wire;

/// <summary>Base64 for <c>-bin</c> metadata: peers may send it padded or not, so both are accepted.</summary>
internal static class Base64
{
    public static bool TryDecode(string value, out byte[] bytes)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        bytes = new byte[(padded.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
