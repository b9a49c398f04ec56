using System.IO.Pipelines;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc.Client;

/// <summary>
/// One unary client call: frame the request, POST it over HTTP/2 with the call metadata and grpc-timeout,
/// then turn whatever comes back (a message and trailers, a Trailers-Only error, an HTTP error from a
/// proxy, a stream reset, a dead connection) into a response or an <see cref="RpcException"/>.
/// </summary>
internal sealed class UnaryCall<TRequest, TResponse>(
    HttpClient httpClient, Uri uri, Method<TRequest, TResponse> method, CallOptions options, GrpcClientFactoryOptions limits)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly CancellationTokenSource _cancelled = new();
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Status? _status;
    private Metadata? _trailers;

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished yet.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not finished yet.");

    public void Cancel()
    {
        if (_status is null)
        {
            _cancelled.Cancel();
        }
    }

    public async Task<TResponse> RunAsync(TRequest request)
    {
        using var activity = GrpcDiagnostics.StartClientActivity(method.ServiceName, method.Name);
        try
        {
            var response = await SendAsync(request);
            _status = Status.DefaultSuccess;
            return response;
        }
        catch (RpcException e)
        {
            _status = e.Status;
            _trailers ??= e.Trailers;
            if (_responseHeaders.TrySetException(e))
            {
                // Marks the exception observed: most callers never look at the response headers.
                _ = _responseHeaders.Task.Exception;
            }

            throw;
        }
        finally
        {
            _trailers ??= new Metadata();
            GrpcDiagnostics.SetStatus(activity, _status?.StatusCode ?? StatusCode.Unknown, isServer: false);
        }
    }

    private async Task<TResponse> SendAsync(TRequest request)
    {
        var timeout = ClientCalls.Timeout(options);
        using var deadlineTimer = ClientCalls.StartDeadlineTimer(timeout);
        // The common call has neither a deadline nor a cancellable token: it needs no linked source.
        using var linked = deadlineTimer is null && !options.CancellationToken.CanBeCanceled
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(
                options.CancellationToken, _cancelled.Token, deadlineTimer?.Token ?? CancellationToken.None);
        var token = linked?.Token ?? _cancelled.Token;
        try
        {
            using var message = ClientCalls.CreateRequest(uri, request, options, timeout, limits.MaxSendMessageSize);
            using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            return await ReadResponseAsync(response, token);
        }
        catch (RpcException) when (!token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw ClientCalls.ToRpcException(
                e,
                uri,
                cancelledByCaller: options.CancellationToken.IsCancellationRequested || _cancelled.IsCancellationRequested,
                deadlineExceeded: deadlineTimer?.IsCancellationRequested == true);
        }
    }

    private async Task<TResponse> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = GrpcHeaders.ToMetadata(response.Headers);
        _responseHeaders.TrySetResult(headers);
        var start = ClientCalls.ReadResponseStart(response, headers);
        if (start.TrailersOnly is { } trailersOnly)
        {
            // An immediate error (or, oddly, OK without the one message a unary call must carry).
            _trailers = headers;
            throw new RpcException(trailersOnly.StatusCode == StatusCode.OK ? NoMessage : trailersOnly, headers);
        }

        var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(cancellationToken));
        TResponse? reply;
        try
        {
            reply = await MessageFraming.ReadSingleAsync(reader, start.Encoding, limits.MaxReceiveMessageSize, method.ResponseParser, cancellationToken);
        }
        finally
        {
            await reader.CompleteAsync();
        }

        // The trailers are complete once the body has been read to its end.
        var trailers = GrpcHeaders.ToMetadata(response.TrailingHeaders);
        _trailers = trailers;
        var status = ClientCalls.ReadTrailerStatus(response);
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, trailers);
        }

        return reply ?? throw new RpcException(NoMessage, trailers);
    }

    private static Status NoMessage => new(StatusCode.Internal, "Bad gRPC response: status OK but no response message.");
}
