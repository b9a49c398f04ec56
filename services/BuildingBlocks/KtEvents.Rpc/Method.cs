using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace KtEvents.Rpc;

/// <summary>
/// One rpc as a client calls it: its kind, its path and how to read its responses. Made only from the
/// service descriptor, so the path is never typed by hand and a wrong name or message type fails when
/// the client type is first used, which <c>AddGrpcClient</c> makes happen at startup.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private Method(MethodType type, string serviceName, string name)
    {
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = $"/{serviceName}/{name}";
    }

    /// <summary>Unary or server streaming, from the descriptor.</summary>
    public MethodType Type { get; }

    /// <summary>The service's full name, e.g. <c>kt.event.v1.EventService</c>.</summary>
    public string ServiceName { get; }

    public string Name { get; }

    /// <summary>The HTTP/2 path, e.g. <c>/kt.event.v1.EventService/GetEvent</c>.</summary>
    public string FullName { get; }

    internal MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());

    /// <summary>Finds rpc <paramref name="name"/> in <paramref name="service"/> and checks its shape and message types.</summary>
    public static Method<TRequest, TResponse> Resolve(ServiceDescriptor service, string name)
    {
        var rpc = service.FindMethodByName(name)
            ?? throw new InvalidOperationException(
                $"{service.FullName} has no rpc '{name}'; its rpcs are: {string.Join(", ", service.Methods.Select(m => m.Name))}.");
        var path = $"{service.FullName}/{name}";
        if (rpc.IsClientStreaming)
        {
            throw new InvalidOperationException(
                $"rpc {path} is {(rpc.IsServerStreaming ? "bidirectional" : "client")} streaming; KtEvents.Rpc calls unary and server-streaming rpcs only.");
        }

        var request = new TRequest().Descriptor.FullName;
        var response = new TResponse().Descriptor.FullName;
        if (request != rpc.InputType.FullName || response != rpc.OutputType.FullName)
        {
            throw new InvalidOperationException(
                $"rpc {path} takes {rpc.InputType.FullName} and returns {rpc.OutputType.FullName}, not {request} and {response}.");
        }

        return new Method<TRequest, TResponse>(
            rpc.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, service.FullName, name);
    }

    /// <summary>Guards a call made with the wrong kind of call, e.g. a streaming rpc through AsyncUnaryCall.</summary>
    internal void EnsureType(MethodType expected)
    {
        if (Type != expected)
        {
            var fitting = Type == MethodType.ServerStreaming ? nameof(CallInvoker.AsyncServerStreamingCall) : nameof(CallInvoker.AsyncUnaryCall);
            throw new InvalidOperationException($"rpc {FullName} is {Type}; call it with CallInvoker.{fitting}.");
        }
    }

    public override string ToString() => FullName;
}
