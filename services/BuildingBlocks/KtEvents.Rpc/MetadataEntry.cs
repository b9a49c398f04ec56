using System.Text;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc;

/// <summary>
/// One metadata header. Keys ending in <c>-bin</c> carry bytes (base64 on the wire); all others carry
/// printable ASCII, because HTTP/2 header values cannot hold anything else. Korean text therefore goes
/// in a <c>-bin</c> key, or in the message itself.
/// </summary>
public sealed class MetadataEntry
{
    private const string BinarySuffix = "-bin";

    private readonly string? _value;
    private readonly byte[]? _valueBytes;

    public MetadataEntry(string key, string value)
    {
        Key = NormalizeKey(key);
        if (IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' ends in '{BinarySuffix}', so its value must be bytes.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException(
                    $"Metadata '{Key}' must be printable ASCII; use a '{BinarySuffix}' key for other text.", nameof(value));
            }
        }

        _value = value;
    }

    public MetadataEntry(string key, byte[] valueBytes)
    {
        Key = NormalizeKey(key);
        if (!IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' carries bytes, so it must end in '{BinarySuffix}'.", nameof(key));
        }

        _valueBytes = valueBytes;
    }

    // Values received from a peer are valid HTTP already; they are kept as they came.
    private MetadataEntry(string key, string? value, byte[]? valueBytes)
    {
        Key = key;
        _value = value;
        _valueBytes = valueBytes;
    }

    /// <summary>The key, lower case.</summary>
    public string Key { get; }

    public bool IsBinary => _valueBytes is not null;

    /// <summary>The text value; a binary entry has none (Grpc.Core throws here too).</summary>
    public string Value => _value ?? throw new InvalidOperationException($"Metadata '{Key}' is binary: read ValueBytes.");

    public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

    public override string ToString() => IsBinary ? $"{Key}: <{_valueBytes!.Length} bytes>" : $"{Key}: {_value}";

    internal static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.Ordinal);

    /// <summary>An entry from an HTTP header as received; a binary value that is not valid base64 is dropped.</summary>
    internal static MetadataEntry? FromWire(string key, string value)
    {
        key = key.ToLowerInvariant();
        if (!IsBinaryKey(key))
        {
            return new MetadataEntry(key, value, null);
        }

        return Base64.TryDecode(value, out var bytes) ? new MetadataEntry(key, null, bytes) : null;
    }

    /// <summary>The header value to send: text as is, bytes as unpadded base64 (what the spec asks senders to emit).</summary>
    internal string ToWireValue() => _valueBytes is null ? _value! : Convert.ToBase64String(_valueBytes).TrimEnd('=');

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var normalized = key.ToLowerInvariant();
        foreach (var c in normalized)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may only hold a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }
        }

        return normalized;
    }
}
