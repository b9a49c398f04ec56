namespace KtEvents.Hosting.Orchestration;

/// <summary>Run-mode settings, from the <c>AppHost</c> configuration section (or the command line: <c>--AppHost:DashboardUrl=…</c>).</summary>
public sealed class RunOptions
{
    public const string SectionName = "AppHost";

    /// <summary>Where servers keep their data, generated secrets and build files. Git ignores it.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Where the dashboard (and the OTLP receiver the services export to) listens. Port 0 picks a free one.</summary>
    public string DashboardUrl { get; set; } = "http://localhost:18888";

    /// <summary>The token a browser needs to open the dashboard; generated per run when empty.</summary>
    public string? BrowserToken { get; set; }

    /// <summary>The configuration the AppHost builds the projects in, once, before running their output.</summary>
    public string BuildConfiguration { get; set; } = "Debug";

    /// <summary>How long a process may take to report healthy before its state says so (it keeps being probed).</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts of a process that keeps crashing.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);
}
