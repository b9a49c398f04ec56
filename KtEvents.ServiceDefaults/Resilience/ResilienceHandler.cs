using Polly;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// Sends each request through the client's pipeline. The same request message is sent again on a
/// retry; that is safe because its content is replayable (otherwise retrying is switched off for it)
/// and the service discovery handler inside restores the URI it rewrites.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = RentContext(request, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<HttpResponseMessage>(
                    state.Handler.SendOnceAsync(state.Request, context.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = RentContext(request, cancellationToken);
        try
        {
            return pipeline.Execute(
                static (context, state) => state.Handler.SendOnce(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResilienceContext RentContext(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipelineProvider.RetryAllowed, HttpResiliencePredicates.IsReplayable(request.Content));
        return context;
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private HttpResponseMessage SendOnce(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.Send(request, cancellationToken);
}
