namespace KtEvents.Hosting.Processes;

/// <summary>Finds the server binaries the fixture and the AppHost run, and names the Debian package when one is missing.</summary>
public static class Binaries
{
    public static string PostgresTool(string tool)
    {
        // Debian keeps PostgreSQL's server binaries off PATH, one folder per major version.
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin", tool))
            : [];
        return versions.FirstOrDefault(File.Exists)
            ?? OnPath(tool)
            ?? throw Missing(tool, "postgresql");
    }

    public static string Require(string tool, string debianPackage, params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists) ?? OnPath(tool) ?? throw Missing(tool, debianPackage);

    public static void RequireUser(string user, string debianPackage)
    {
        if (NativeMethods.IsRoot && !File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal)))
        {
            throw new InfrastructureUnavailableException(
                $"The system user '{user}' does not exist. Install it with: apt-get install -y {debianPackage}");
        }
    }

    private static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    private static InfrastructureUnavailableException Missing(string tool, string package) =>
        new($"'{tool}' was not found on this machine. Install it with: apt-get install -y {package}");
}
