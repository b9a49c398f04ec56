using System.Diagnostics;
using System.IO.Pipelines;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

namespace KtEvents.Rpc.Client;

/// <summary>
/// One server-streaming client call: the request goes out at once; each <see cref="MoveNext"/> reads the
/// next length-prefixed message as soon as it has arrived whole; the end of the body brings the trailers
/// and the status. The call (its span, its deadline timer, the HTTP/2 stream) lives until the stream has
/// been read to its end, fails, or is disposed; disposing an unfinished call resets the HTTP/2 stream,
/// which the server sees as its CancellationToken firing.
/// </summary>
internal sealed class ServerStreamingCall<TRequest, TResponse>(
    HttpClient httpClient, Uri uri, Method<TRequest, TResponse> method, CallOptions options, GrpcClientFactoryOptions limits)
    : IAsyncStreamReader<TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    // Guards the state below: a Dispose from another thread must not free the response under a read.
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancelled = new();
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _started = Task.CompletedTask;
    private Activity? _activity;
    private CancellationTokenSource? _deadlineTimer;
    private CancellationTokenSource? _callToken;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private PipeReader? _body;
    private string? _encoding;
    private bool _reading;
    private Status? _status;
    private Metadata? _trailers;
    private TResponse? _current;

    public Task<Metadata> ResponseHeadersAsync => _responseHeaders.Task;

    public TResponse Current => _current ?? throw new InvalidOperationException("Call MoveNext, and check it returned true, before reading Current.");

    public Status GetStatus()
    {
        lock (_gate)
        {
            return _status ?? throw new InvalidOperationException("The call has not finished yet: read the response stream to its end.");
        }
    }

    public Metadata GetTrailers()
    {
        lock (_gate)
        {
            return _trailers ?? throw new InvalidOperationException("The call has not finished yet: read the response stream to its end.");
        }
    }

    public void Start(TRequest request)
    {
        _started = SendAsync(request);
        // A caller that disposes the call without reading it never awaits this task.
        _started.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_reading)
            {
                throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
            }

            if (_status is { } finished)
            {
                return finished.StatusCode == StatusCode.OK ? false : throw new RpcException(finished, _trailers!);
            }

            _reading = true;
        }

        // As in Grpc.Net.Client, cancelling a read cancels the call.
        using var registration = cancellationToken.UnsafeRegister(static state => ((ServerStreamingCall<TRequest, TResponse>)state!)._cancelled.Cancel(), this);
        try
        {
            await _started;
            if (_body is null)
            {
                // Trailers-Only with status OK: a stream with no messages.
                Finish(Status.DefaultSuccess, _trailers);
                return false;
            }

            var message = await MessageFraming.ReadNextAsync(
                _body, _encoding, limits.MaxReceiveMessageSize, method.ResponseParser, _callToken!.Token);
            if (message is not null)
            {
                _current = message;
                return true;
            }

            // The trailers are complete once the body has been read to its end.
            var trailers = GrpcHeaders.ToMetadata(_response!.TrailingHeaders);
            var status = ClientCalls.ReadTrailerStatus(_response);
            Finish(status, trailers);
            return status.StatusCode == StatusCode.OK ? false : throw new RpcException(status, trailers);
        }
        catch (Exception e) when (e is not RpcException || !IsFinished)
        {
            var error = e is RpcException rpc && _callToken?.IsCancellationRequested != true ? rpc : ToRpcException(e);
            Finish(error.Status, error.Trailers);
            throw error;
        }
        finally
        {
            lock (_gate)
            {
                _reading = false;
            }
        }
    }

    /// <summary>Cancels the call if it has not finished; once finished, does nothing.</summary>
    public void Dispose()
    {
        if (IsFinished)
        {
            return;
        }

        // Outside the lock: cancelling runs the read's cancellation callbacks, which may finish the call inline.
        _cancelled.Cancel();
        lock (_gate)
        {
            if (_reading)
            {
                // The read in flight fails with CANCELLED and finishes the call itself.
                return;
            }
        }

        Finish(new Status(StatusCode.Cancelled, "Call canceled by the client."), null);
    }

    private bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _status is not null;
            }
        }
    }

    private async Task SendAsync(TRequest request)
    {
        // Started here, in the call's own async flow, so it is the parent of HttpClient's span without
        // becoming the caller's Activity.Current; Finish stops it when the stream ends.
        _activity = GrpcDiagnostics.StartClientActivity(method.ServiceName, method.Name);
        try
        {
            var timeout = ClientCalls.Timeout(options);
            lock (_gate)
            {
                _deadlineTimer = ClientCalls.StartDeadlineTimer(timeout);
                _callToken = CancellationTokenSource.CreateLinkedTokenSource(
                    options.CancellationToken, _cancelled.Token, _deadlineTimer?.Token ?? CancellationToken.None);
                _request = ClientCalls.CreateRequest(uri, request, options, timeout, limits.MaxSendMessageSize);
            }

            var token = _callToken.Token;
            var response = await httpClient.SendAsync(_request, HttpCompletionOption.ResponseHeadersRead, token);
            lock (_gate)
            {
                if (_status is not null)
                {
                    // Disposed while the headers were on their way.
                    response.Dispose();
                    token.ThrowIfCancellationRequested();
                }

                _response = response;
            }

            var headers = GrpcHeaders.ToMetadata(response.Headers);
            _responseHeaders.TrySetResult(headers);
            var start = ClientCalls.ReadResponseStart(response, headers);
            if (start.TrailersOnly is { } trailersOnly)
            {
                _trailers = headers;
                if (trailersOnly.StatusCode != StatusCode.OK)
                {
                    throw new RpcException(trailersOnly, headers);
                }

                return;
            }

            _encoding = start.Encoding;
            var body = PipeReader.Create(await response.Content.ReadAsStreamAsync(token));
            lock (_gate)
            {
                if (_status is not null)
                {
                    body.Complete();
                    token.ThrowIfCancellationRequested();
                }

                _body = body;
            }
        }
        catch (Exception e) when (e is not RpcException || _callToken?.IsCancellationRequested == true)
        {
            throw ToRpcException(e);
        }
    }

    private RpcException ToRpcException(Exception e) => ClientCalls.ToRpcException(
        e,
        uri,
        cancelledByCaller: options.CancellationToken.IsCancellationRequested || _cancelled.IsCancellationRequested,
        deadlineExceeded: _deadlineTimer?.IsCancellationRequested == true);

    /// <summary>Records the outcome once, ends the span, and frees the HTTP/2 stream (resetting it if unfinished).</summary>
    private void Finish(Status status, Metadata? trailers)
    {
        lock (_gate)
        {
            if (_status is not null)
            {
                return;
            }

            _status = status;
            _trailers = trailers ?? _trailers ?? new Metadata();
            _body?.Complete();
            _response?.Dispose();
            _request?.Dispose();
            _callToken?.Dispose();
            _deadlineTimer?.Dispose();
        }

        if (_responseHeaders.TrySetException(new RpcException(status, _trailers)))
        {
            // Marks the exception observed: most callers never look at the response headers.
            _ = _responseHeaders.Task.Exception;
        }

        if (_activity is { } activity)
        {
            GrpcDiagnostics.SetStatus(activity, status.StatusCode, isServer: false);
            // Stopping may be called from the caller's flow (Dispose); it must not change its Activity.Current.
            var current = Activity.Current;
            activity.Stop();
            Activity.Current = current;
        }
    }
}
