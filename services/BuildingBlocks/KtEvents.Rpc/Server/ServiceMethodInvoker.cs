using System.Reflection;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Server;

/// <summary>
/// What both kinds of invoker share: reading the one request message, and the service instance, which
/// comes from DI if registered there, otherwise is created per call with its constructor's dependencies
/// from the request's scope, and disposed after, as Grpc.AspNetCore does.
/// </summary>
internal abstract class ServiceMethodInvoker<TService, TRequest>(MethodInfo implementation)
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    private readonly ObjectFactory<TService> _create = ActivatorUtilities.CreateFactory<TService>([]);

    protected MethodInfo Implementation { get; } = implementation;

    protected static async Task<TRequest> ReadRequestAsync(ServerCallContext context, int? maxReceiveMessageSize)
    {
        var httpRequest = context.GetHttpContext().Request;
        return await MessageFraming.ReadSingleAsync(
                httpRequest.BodyReader,
                httpRequest.Headers[GrpcProtocol.EncodingHeader].ToString() is { Length: > 0 } encoding ? encoding : null,
                maxReceiveMessageSize,
                Parser,
                context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The request carried no message."));
    }

    /// <summary>The service instance, and whether this call created it (and so must dispose it).</summary>
    protected (TService Service, bool Owned) GetService(ServerCallContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        var registered = services.GetService<TService>();
        return registered is not null ? (registered, false) : (_create(services, null), true);
    }

    protected static async ValueTask ReleaseAsync(TService service, bool owned)
    {
        if (!owned)
        {
            return;
        }

        switch (service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
