using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc.Client;

/// <summary>
/// One client call: frame the request, POST it over HTTP/2 with the call metadata and grpc-timeout,
/// then turn whatever comes back (a message and trailers, a Trailers-Only error, an HTTP error from a
/// proxy, a stream reset, a dead connection) into a response or an <see cref="RpcException"/>.
/// </summary>
internal sealed class UnaryCall<TRequest, TResponse>(
    HttpClient httpClient, Uri uri, Method<TRequest, TResponse> method, CallOptions options, GrpcClientFactoryOptions limits)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private const string UserAgent = "grpc-dotnet-ktevents/1.0";

    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms (about 49 days); longer
    // deadlines are still sent, but not timed locally.
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

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
        TimeSpan? timeout = null;
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            timeout = (deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline) - DateTime.UtcNow;
            if (timeout <= TimeSpan.Zero)
            {
                throw new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
            }
        }

        using var deadlineTimer = timeout < MaxTimer ? new CancellationTokenSource(timeout.Value) : null;
        // The common call has neither a deadline nor a cancellable token: it needs no linked source.
        using var linked = deadlineTimer is null && !options.CancellationToken.CanBeCanceled
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(
                options.CancellationToken, _cancelled.Token, deadlineTimer?.Token ?? CancellationToken.None);
        var token = linked?.Token ?? _cancelled.Token;
        try
        {
            using var message = CreateRequest(request, timeout);
            using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            return await ReadResponseAsync(response, token);
        }
        catch (RpcException) when (!token.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw ToRpcException(e, deadlineTimer);
        }
    }

    private HttpRequestMessage CreateRequest(TRequest request, TimeSpan? timeout)
    {
        var frame = new byte[MessageFraming.FramedSize(request, limits.MaxSendMessageSize)];
        MessageFraming.Write(request, frame);
        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);

        // HTTP/2 with prior knowledge: inside the system gRPC runs over cleartext, where no TLS
        // negotiation could upgrade the connection, so the request must demand exactly 2.0.
        var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = message.Headers;
        headers.TryAddWithoutValidation("te", "trailers");
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.AcceptedEncodings);
        if (timeout is { } t)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(t));
        }

        foreach (var entry in options.Headers ?? [])
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                headers.TryAddWithoutValidation(entry.Key, entry.ToWireValue());
            }
        }

        return message;
    }

    private async Task<TResponse> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = GrpcHeaders.ToMetadata(response.Headers);
        _responseHeaders.TrySetResult(headers);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RpcException(StatusMapping.FromHttpStatus(response.StatusCode), headers);
        }

        // Trailers-Only: an immediate error (or, oddly, OK) in the one HEADERS frame, with no body.
        if (GrpcHeaders.ReadStatus(response.Headers) is { } trailersOnly)
        {
            _trailers = headers;
            throw new RpcException(
                trailersOnly.StatusCode == StatusCode.OK ? NoMessage : trailersOnly, headers);
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}'."), headers);
        }

        var encoding = response.Headers.NonValidated.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.ToString() : null;
        var reader = PipeReader.Create(await response.Content.ReadAsStreamAsync(cancellationToken));
        TResponse? reply;
        try
        {
            reply = await MessageFraming.ReadSingleAsync(reader, encoding, limits.MaxReceiveMessageSize, method.ResponseParser, cancellationToken);
        }
        finally
        {
            await reader.CompleteAsync();
        }

        // The trailers are complete once the body has been read to its end.
        var trailers = GrpcHeaders.ToMetadata(response.TrailingHeaders);
        _trailers = trailers;
        var status = GrpcHeaders.ReadStatus(response.TrailingHeaders)
            ?? new Status(StatusCode.Internal, "Bad gRPC response: no grpc-status in the trailers.");
        if (status.StatusCode != StatusCode.OK)
        {
            throw new RpcException(status, trailers);
        }

        return reply ?? throw new RpcException(NoMessage, trailers);
    }

    private static Status NoMessage => new(StatusCode.Internal, "Bad gRPC response: status OK but no response message.");

    private RpcException ToRpcException(Exception e, CancellationTokenSource? deadlineTimer)
    {
        // The caller's own cancellation wins; then the deadline, which the spec says to report even
        // when the server's RST_STREAM or status raced it.
        if (options.CancellationToken.IsCancellationRequested || _cancelled.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.", e));
        }

        if (deadlineTimer?.IsCancellationRequested == true)
        {
            return new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded", e));
        }

        if (e is RpcException rpc)
        {
            return rpc;
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException reset)
            {
                return new RpcException(new Status(StatusMapping.FromHttp2ErrorCode(reset.ErrorCode), reset.Message, e));
            }
        }

        var code = e is HttpRequestException or IOException ? StatusCode.Unavailable : StatusCode.Internal;
        return new RpcException(new Status(code, $"Error calling {uri.GetLeftPart(UriPartial.Authority)}: {e.Message}", e));
    }
}
