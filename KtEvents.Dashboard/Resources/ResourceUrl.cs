namespace KtEvents.Dashboard.Resources;

/// <param name="Name">The endpoint's name (<c>http</c>, <c>tcp</c>).</param>
/// <param name="Url">Where a developer can reach it from this machine.</param>
/// <param name="IsExternal">Marked with <c>WithExternalHttpEndpoints</c>.</param>
public sealed record ResourceUrl(string Name, string Url, bool IsExternal);
