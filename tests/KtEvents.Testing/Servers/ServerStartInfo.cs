namespace KtEvents.Testing.Servers;

internal sealed record ServerStartInfo(
    string FileName,
    IReadOnlyList<string> Arguments,
    string DataDirectory,
    string LogPath,
    string? RunAsUser = null,
    IReadOnlyDictionary<string, string>? Env = null)
{
    public string WorkingDirectory => DataDirectory;

    public IReadOnlyDictionary<string, string> Environment => Env ?? new Dictionary<string, string>();
}
