namespace KtEvents.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// A URI named a service (a single-label host such as <c>http://event</c>) that has no endpoint in
/// configuration. Thrown instead of letting the request fall through to a DNS lookup of "event",
/// which would fail later with a far less useful message, or worse, reach something else.
/// </summary>
public sealed class ServiceEndpointNotFoundException(string serviceName, string scheme)
    : InvalidOperationException(
        $"No endpoint is configured for service '{serviceName}' (scheme '{scheme}'). " +
        $"Set 'services:{serviceName}:{FirstScheme(scheme)}:0' " +
        $"(environment variable services__{serviceName}__{FirstScheme(scheme)}__0), as the AppHost does.")
{
    /// <summary>The service name taken from the URI's host.</summary>
    public string ServiceName { get; } = serviceName;

    /// <summary>The URI scheme that was asked for, e.g. "http" or "https+http".</summary>
    public string Scheme { get; } = scheme;

    private static string FirstScheme(string scheme) => scheme.Split('+')[0];
}
