using System.Collections.Concurrent;

using Google.Protobuf;

using KtEvents.Rpc.Client;

namespace KtEvents.Rpc;

/// <summary>
/// Makes unary calls over an <see cref="HttpClient"/> (from IHttpClientFactory when registered with
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
        var uri = _uris.GetOrAdd(method.FullName, static (path, address) => new Uri(address, path), _address);
        var call = new UnaryCall<TRequest, TResponse>(_httpClient, uri, method, options, _options);
        return new AsyncUnaryCall<TResponse>(call.RunAsync(request), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Cancel);
    }
}
