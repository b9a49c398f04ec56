using System.Security.Cryptography;

using Microsoft.Extensions.Logging;

namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>
/// The issuer's public keys, fetched from its JWKS URL through <see cref="IHttpClientFactory"/> (so
/// service discovery and resilience apply) and cached. A fresh cache answers without I/O. An unknown
/// <c>kid</c> or an expired cache causes a fetch, but never more than one per
/// <see cref="JwksKeyProviderOptions.RefreshInterval"/>: tokens with made-up kids are free to send, and
/// must not turn every request into a call to the User service. When a fetch fails, the keys already
/// held are kept.
/// </summary>
public sealed class JwksKeyProvider(
    IHttpClientFactory httpClientFactory,
    JwksKeyProviderOptions options,
    TimeProvider timeProvider,
    ILogger<JwksKeyProvider> logger) : IDisposable
{
    /// <summary>Name of the HttpClient used for fetches.</summary>
    public const string HttpClientName = "KtEvents.Jwks";

    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private volatile CachedKeySet? _keys;
    private DateTimeOffset? _lastFetchAttempt;

    /// <summary>True once a fetch has succeeded.</summary>
    public bool HasKeys => _keys is not null;

    /// <summary>The key with this id, or null when the issuer does not publish it (or cannot be reached).</summary>
    public async ValueTask<ECDsa?> FindKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var keys = _keys;
        if (keys is not null
            && timeProvider.GetUtcNow() - keys.FetchedAt < options.CacheLifetime
            && keys.ById.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return _keys?.ById.GetValueOrDefault(keyId);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Callers that queued behind a fetch find it recent here and use its result.
            var now = timeProvider.GetUtcNow();
            if (now - _lastFetchAttempt < options.RefreshInterval)
            {
                JwtLog.RefreshSuppressed(logger, options.RefreshInterval);
                return;
            }

            _lastFetchAttempt = now;
            try
            {
                var fetched = await FetchAsync().ConfigureAwait(false);
                // Replaced keys are left to the finalizer: a validation on another thread may still
                // be verifying with one of them.
                _keys = new CachedKeySet(fetched, now);
                JwtLog.KeysFetched(logger, fetched.Count, options.JwksUrl);
            }
            catch (Exception exception)
            {
                JwtLog.FetchFailed(logger, exception, options.JwksUrl, _keys?.ById.Count ?? 0);
            }
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    // Not tied to the request that happened to trigger it: if that client disconnects, the fetch still
    // completes for everyone waiting. The HttpClient's own timeout bounds it.
    private async Task<Dictionary<string, ECDsa>> FetchAsync()
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, options.JwksUrl);
        if (options.OverHttp2)
        {
            request.Version = System.Net.HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }

        using var response = await client.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsByteArrayAsync(CancellationToken.None).ConfigureAwait(false);
        return JwksReader.ReadSigningKeys(json, logger);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _fetchGate.Dispose();
        if (_keys is { } keys)
        {
            foreach (var key in keys.ById.Values)
            {
                key.Dispose();
            }
        }
    }
}
