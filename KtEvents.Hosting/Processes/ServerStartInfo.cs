namespace KtEvents.Hosting.Processes;

/// <summary>What to start, where, and as whom.</summary>
/// <param name="FileName">The program (an absolute path, or a name found on PATH).</param>
/// <param name="WorkingDirectory">The process's current directory.</param>
public sealed record ServerStartInfo(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>A file that receives every output line as well.</summary>
    public string? LogPath { get; init; }

    /// <summary>The service user to run as when the caller is root (postgres, rabbitmq).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>Variables added to (or replacing) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>A folder the watchdog removes if the owner dies without stopping the server (throwaway data).</summary>
    public string? RemoveOnOrphan { get; init; }

    /// <summary>Written to the process's standard input, which is then closed (secrets that must stay off the process list).</summary>
    public string? StandardInput { get; init; }

    /// <summary>Called for each output line; the flag is true for standard error.</summary>
    public Action<string, bool>? OnOutput { get; init; }
}
