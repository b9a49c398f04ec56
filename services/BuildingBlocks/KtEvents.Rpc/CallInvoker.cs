using System.Collections.Concurrent;

using Google.Protobuf;

using KtEvents.Rpc.Client;

namespace KtEvents.Rpc;

/// <summary>
/// Makes unary and server-streaming calls over an <see cref="HttpClient"/> (from IHttpClientFactory when registered with
/// <c>AddGrpcClient</c>, so its handlers, service discovery and resilience included, see every call).
/// Requests go to <see cref="GrpcClientFactoryOptions.Address"/>, or the client's BaseAddress.
/// </summary>
public sealed class CallInvoker
{
    private readonly HttpClient _httpClient;
    private readonly Uri _address;
    private readonly GrpcClientFactoryOptions _options;
    private readonly ConcurrentDictionary<string, Uri> _uris = new();

    public CallInvoker(HttpClient httpClient, GrpcClientFactoryOptions options)
    {
        _httpClient = httpClient;
        _options = options;
        _address = options.Address ?? httpClient.BaseAddress
            ?? throw new InvalidOperationException("A gRPC client needs an Address: set GrpcClientFactoryOptions.Address.");
    }

    public AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        method.EnsureType(MethodType.Unary);
        var call = new UnaryCall<TRequest, TResponse>(_httpClient, UriOf(method), method, options, _options);
        return new AsyncUnaryCall<TResponse>(call.RunAsync(request), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Cancel);
    }

    /// <summary>
    /// Grpc.Core's signature, as Grpc.Tools-generated clients call it. <paramref name="host"/> is ignored
    /// (as in Grpc.Net.Client): the address is the client's.
    /// </summary>
    public AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        AsyncUnaryCall(method, options, request);

    /// <summary>
    /// Starts a server-streaming call; read its <c>ResponseStream</c> to the end and dispose it.
    /// <paramref name="host"/> is ignored (as in Grpc.Net.Client): the address is the client's.
    /// </summary>
    public AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        method.EnsureType(MethodType.ServerStreaming);
        var call = new ServerStreamingCall<TRequest, TResponse>(_httpClient, UriOf(method), method, options, _options);
        call.Start(request);
        return new AsyncServerStreamingCall<TResponse>(call, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private Uri UriOf<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _uris.GetOrAdd(method.FullName, static (path, address) => new Uri(address, path), _address);
}
