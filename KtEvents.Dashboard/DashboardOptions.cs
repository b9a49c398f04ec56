namespace KtEvents.Dashboard;

/// <summary>The browser side of the dashboard, bound from the <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The secret in the login link the AppHost prints (<c>/login?t=…</c>). Required: every page
    /// shows what the services log, and the Restart button acts on the machine.
    /// </summary>
    public string BrowserToken { get; set; } = string.Empty;
}
