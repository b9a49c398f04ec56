using System.Reflection;

using Google.Protobuf;

namespace KtEvents.Rpc.Server;

/// <summary>Calls <c>Task&lt;TResponse&gt; Rpc(TRequest, ServerCallContext)</c> through a delegate bound once at startup (no reflection per call).</summary>
internal sealed class UnaryMethodInvoker<TService, TRequest, TResponse>(MethodInfo implementation)
    : ServiceMethodInvoker<TService, TRequest>(implementation), IUnaryMethodInvoker
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private readonly Func<TService, TRequest, ServerCallContext, Task<TResponse>> _invoke =
        implementation.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();

    public async Task<IMessage> InvokeAsync(ServerCallContext context, int? maxReceiveMessageSize)
    {
        var request = await ReadRequestAsync(context, maxReceiveMessageSize);
        var (service, owned) = GetService(context);
        try
        {
            return await _invoke(service, request, context)
                ?? throw new InvalidOperationException($"{typeof(TService).Name}.{Implementation.Name} returned no response message.");
        }
        finally
        {
            await ReleaseAsync(service, owned);
        }
    }
}
