using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace KtEvents.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Resolves service names to endpoints from configuration, with Aspire's convention:
/// <c>services:{name}:{scheme}:{index}</c> (environment <c>services__event__http__0</c>) holds an absolute
/// URI such as <c>http://localhost:5123</c>. Several indexes are used in turn (round-robin).
/// The scheme <c>https+http</c> prefers https endpoints and falls back to http ones.
/// </summary>
/// <remarks>
/// A host is treated as a service name when it is configured, or when it is a single DNS label other
/// than "localhost" (services never call each other by a bare name except through this convention).
/// Other hosts (<c>api.anthropic.com</c>, <c>127.0.0.1</c>, <c>localhost</c>) pass through unchanged.
/// </remarks>
public sealed class ServiceEndpointResolver
{
    private const string SectionName = "services";

    private readonly IConfiguration _configuration;
    private readonly ConcurrentDictionary<string, Uri[]> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _cursors = new(StringComparer.OrdinalIgnoreCase);
    private volatile HashSet<string>? _serviceNames;

    /// <summary>Creates a resolver that reads <c>services:*</c> from configuration and follows its reloads.</summary>
    public ServiceEndpointResolver(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        // Reading the section walks every configuration key, too slow to do per request; cache the
        // parsed endpoints and drop them when configuration reloads.
        ChangeToken.OnChange(configuration.GetReloadToken, () =>
        {
            _serviceNames = null;
            _endpoints.Clear();
        });
    }

    /// <summary>
    /// Returns <paramref name="uri"/> with scheme, host and port replaced by the next endpoint of the
    /// service it names, or <paramref name="uri"/> itself when its host is not a service name.
    /// </summary>
    /// <exception cref="ServiceEndpointNotFoundException">The host is a service name with no configured endpoint.</exception>
    public Uri Resolve(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return uri;
        }

        var schemes = uri.Scheme.Split('+');
        if (!IsServiceName(uri.Host))
        {
            // "https+http://api.example.com" has no meaning without discovery; take the preferred scheme.
            return schemes.Length == 1 ? uri : new UriBuilder(uri) { Scheme = schemes[0] }.Uri;
        }

        foreach (var scheme in schemes)
        {
            var endpoints = GetEndpoints(uri.Host, scheme);
            if (endpoints.Count > 0)
            {
                var endpoint = endpoints[NextIndex(uri.Host, scheme, endpoints.Count)];
                return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + uri.PathAndQuery + uri.Fragment);
            }
        }

        throw new ServiceEndpointNotFoundException(uri.Host, uri.Scheme);
    }

    /// <summary>
    /// The endpoints configured for <paramref name="serviceName"/> under <paramref name="scheme"/>, in index
    /// order; empty when none are configured. For callers that connect without HttpClient.
    /// </summary>
    public IReadOnlyList<Uri> GetEndpoints(string serviceName, string scheme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        return _endpoints.GetOrAdd($"{serviceName}:{scheme}", _ => ReadEndpoints(serviceName, scheme));
    }

    private bool IsServiceName(string host)
    {
        var serviceNames = _serviceNames ??= new HashSet<string>(
            _configuration.GetSection(SectionName).GetChildren().Select(child => child.Key),
            StringComparer.OrdinalIgnoreCase);
        if (serviceNames.Contains(host))
        {
            return true;
        }

        return !host.Contains('.', StringComparison.Ordinal)
            && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            && !IPAddress.TryParse(host, out _);
    }

    private Uri[] ReadEndpoints(string serviceName, string scheme)
    {
        var section = _configuration.GetSection(SectionName).GetSection(serviceName).GetSection(scheme);
        var endpoints = new List<(int Index, Uri Endpoint)>();
        foreach (var child in section.GetChildren())
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!Uri.TryCreate(child.Value, UriKind.Absolute, out var endpoint)
                || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException(
                    $"Configuration value '{child.Path}' must be an absolute http or https URI, e.g. http://localhost:5123.");
            }

            endpoints.Add((index, endpoint));
        }

        return [.. endpoints.OrderBy(e => e.Index).Select(e => e.Endpoint)];
    }

    private int NextIndex(string serviceName, string scheme, int count)
    {
        var cursor = _cursors.GetOrAdd($"{serviceName}:{scheme}", _ => new StrongBox<int>(-1));
        var next = Interlocked.Increment(ref cursor.Value);
        return (int)((uint)next % (uint)count);
    }
}
