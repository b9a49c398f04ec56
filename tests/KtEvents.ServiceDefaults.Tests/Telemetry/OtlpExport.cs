using System.Text;

namespace KtEvents.ServiceDefaults.Tests.Telemetry;

public sealed record OtlpExport(string Path, string? ContentType, byte[] Body)
{
    public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
