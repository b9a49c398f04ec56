using Microsoft.Extensions.Logging;

namespace KtEvents.Dashboard;

/// <summary>What the browser side logs. Never the token, not even a wrong one: a typo is one character from the real secret.</summary>
internal static partial class DashboardLog
{
    public const string Category = "KtEvents.Dashboard";

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Dashboard browser signed in from {RemoteAddress}")]
    public static partial void SignedIn(ILogger logger, string? remoteAddress);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Dashboard login with a wrong token from {RemoteAddress}")]
    public static partial void LoginRejected(ILogger logger, string? remoteAddress);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Dashboard refused a cross-site POST to {Path} (Sec-Fetch-Site '{Site}', Origin '{Origin}')")]
    public static partial void CrossSiteRequestRefused(ILogger logger, string path, string site, string origin);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Restart of {Resource} requested from the dashboard")]
    public static partial void RestartRequested(ILogger logger, string resource);
}
