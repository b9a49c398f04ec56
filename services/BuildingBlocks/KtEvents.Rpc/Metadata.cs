using System.Collections;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc;

/// <summary>
/// gRPC metadata: request headers, response headers or trailers, as an ordered list of entries whose
/// keys are lower case and may repeat. Same surface as Grpc.Core's <c>Metadata</c>
/// (<c>new Metadata { { "authorization", "Bearer …" } }</c>, <c>GetValue</c>, <c>GetAll</c>).
/// </summary>
public sealed class Metadata : IEnumerable<MetadataEntry>
{
    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public MetadataEntry this[int index] => _entries[index];

    public void Add(MetadataEntry entry) => _entries.Add(entry);

    public void Add(string key, string value) => _entries.Add(new MetadataEntry(key, value));

    public void Add(string key, byte[] valueBytes) => _entries.Add(new MetadataEntry(key, valueBytes));

    /// <summary>The last entry with this key, or null.</summary>
    public MetadataEntry? Get(string key)
    {
        key = key.ToLowerInvariant();
        return _entries.FindLast(e => e.Key == key);
    }

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerable<MetadataEntry> GetAll(string key)
    {
        key = key.ToLowerInvariant();
        return _entries.Where(e => e.Key == key);
    }

    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Adds a received header unless the protocol owns it (content-type, grpc-timeout, …). Binary values
    /// may arrive joined with "," (HTTP folding), so they are split before decoding.
    /// </summary>
    internal void AddFromWire(string name, string value)
    {
        if (GrpcProtocol.IsReservedHeader(name))
        {
            return;
        }

        var parts = MetadataEntry.IsBinaryKey(name) ? value.Split(',', StringSplitOptions.TrimEntries) : [value];
        foreach (var part in parts)
        {
            if (MetadataEntry.FromWire(name, part) is { } entry)
            {
                _entries.Add(entry);
            }
        }
    }
}
