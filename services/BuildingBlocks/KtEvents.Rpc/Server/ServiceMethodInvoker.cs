using System.Reflection;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Rpc.Server;

/// <summary>
/// Calls one service method through a delegate bound once at startup (no reflection per call). The
/// service instance comes from DI if registered there, otherwise one is created per call with its
/// constructor's dependencies from the request's scope, and disposed after, as Grpc.AspNetCore does.
/// </summary>
internal sealed class ServiceMethodInvoker<TService, TRequest, TResponse>(MethodInfo implementation) : IServerMethodInvoker
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    private readonly ObjectFactory<TService> _create = ActivatorUtilities.CreateFactory<TService>([]);

    private readonly Func<TService, TRequest, ServerCallContext, Task<TResponse>> _invoke =
        implementation.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();

    public async Task<IMessage> InvokeAsync(ServerCallContext context, int? maxReceiveMessageSize)
    {
        var httpRequest = context.GetHttpContext().Request;
        var request = await MessageFraming.ReadSingleAsync(
                httpRequest.BodyReader,
                httpRequest.Headers[GrpcProtocol.EncodingHeader].ToString() is { Length: > 0 } encoding ? encoding : null,
                maxReceiveMessageSize,
                Parser,
                context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Internal, "The request carried no message."));

        var services = context.GetHttpContext().RequestServices;
        var registered = services.GetService<TService>();
        var service = registered ?? _create(services, null);
        try
        {
            return await _invoke(service, request, context)
                ?? throw new InvalidOperationException($"{typeof(TService).Name}.{implementation.Name} returned no response message.");
        }
        finally
        {
            if (registered is null)
            {
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
    }
}
