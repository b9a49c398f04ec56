namespace KtEvents.Testing.Servers;

internal sealed record ServerStartInfo(
    string FileName,
    IReadOnlyList<string> Arguments,
    string DataDirectory,
    string LogPath,
    string? RunAsUser = null,
    IReadOnlyDictionary<string, string>? Environment = null);
