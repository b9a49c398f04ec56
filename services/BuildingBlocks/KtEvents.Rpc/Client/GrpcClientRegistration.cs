using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KtEvents.Rpc.Client;

/// <summary>
/// Registers a typed client: a named HttpClient (so every handler added to all HttpClients, e.g. service
/// discovery and resilience from ServiceDefaults, applies) speaking HTTP/2 with prior knowledge, and
/// the client type itself, built per resolution around a <see cref="CallInvoker"/> on that HttpClient.
/// </summary>
internal static class GrpcClientRegistration
{
    public static IHttpClientBuilder Add<TClient>(IServiceCollection services, Action<IServiceProvider, GrpcClientFactoryOptions> configure)
        where TClient : ClientBase
    {
        VerifyMethods<TClient>();
        var name = typeof(TClient).Name;
        services.AddOptions<GrpcClientFactoryOptions>(name).Configure<IServiceProvider>((options, provider) => configure(provider, options));

        var create = ActivatorUtilities.CreateFactory<TClient>([typeof(CallInvoker)]);
        services.TryAddTransient(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<GrpcClientFactoryOptions>>().Get(name);
            if (options.Address is null)
            {
                throw new InvalidOperationException($"AddGrpcClient<{name}>: set GrpcClientFactoryOptions.Address.");
            }

            var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            return create(provider, [new CallInvoker(httpClient, options)]);
        });

        return services.AddHttpClient(name)
            .ConfigureHttpClient(http =>
            {
                // Deadlines are per call (grpc-timeout); HttpClient's blanket 100 s would fight them.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestVersion = HttpVersion.Version20;
                http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
            })
            // One HTTP/2 connection carries at most the server's stream limit (Kestrel: 100) at once;
            // more connections let a busy caller go past it instead of queueing.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { EnableMultipleHttp2Connections = true });
    }

    /// <summary>
    /// Runs the client type's static initializer, which resolves its rpcs from the descriptor, so a
    /// misspelt rpc fails here at registration (startup) and not at the first call.
    /// </summary>
    private static void VerifyMethods<TClient>()
    {
        try
        {
            RuntimeHelpers.RunClassConstructor(typeof(TClient).TypeHandle);
        }
        catch (TypeInitializationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }
    }
}
