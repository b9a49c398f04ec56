namespace KtEvents.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Rewrites <c>http://event/...</c> to the next configured endpoint of "event" for the duration of one
/// send. The original URI is put back afterwards so that an outer retry resolves again (and may land
/// on another replica) and callers see the URI they asked for on the response's request.
/// </summary>
internal sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (!TryRewrite(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = original;
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (!TryRewrite(request))
        {
            return base.Send(request, cancellationToken);
        }

        try
        {
            return base.Send(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = original;
        }
    }

    private bool TryRewrite(HttpRequestMessage request)
    {
        if (request.RequestUri is not { } original)
        {
            return false;
        }

        var resolved = resolver.Resolve(original);
        if (ReferenceEquals(resolved, original))
        {
            return false;
        }

        request.RequestUri = resolved;
        return true;
    }
}
