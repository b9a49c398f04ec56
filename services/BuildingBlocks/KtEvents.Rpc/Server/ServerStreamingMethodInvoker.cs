using System.Reflection;

using Google.Protobuf;

namespace KtEvents.Rpc.Server;

/// <summary>
/// Calls <c>Task Rpc(TRequest, IServerStreamWriter&lt;TResponse&gt;, ServerCallContext)</c> through a delegate
/// bound once at startup, handing it a typed writer over the call's response stream.
/// </summary>
internal sealed class ServerStreamingMethodInvoker<TService, TRequest, TResponse>(MethodInfo implementation)
    : ServiceMethodInvoker<TService, TRequest>(implementation), IServerStreamingMethodInvoker
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private readonly Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> _invoke =
        implementation.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();

    public async Task InvokeAsync(ServerCallContext context, int? maxReceiveMessageSize, ServerStreamResponse responseStream)
    {
        var request = await ReadRequestAsync(context, maxReceiveMessageSize);
        var (service, owned) = GetService(context);
        try
        {
            await _invoke(service, request, new ServerStreamWriter<TResponse>(responseStream), context);
        }
        finally
        {
            await ReleaseAsync(service, owned);
        }
    }
}
