using Google.Protobuf;

using KtEvents.Rpc.Wire;

using Microsoft.AspNetCore.Http;

namespace KtEvents.Rpc.Server;

/// <summary>
/// The response body of a server-streaming call. The first write sends the response headers; every write
/// frames one message, checks it against the send limit, and flushes it, so the caller receives it at
/// once (the flush waits while the caller's HTTP/2 flow-control window is full: a slow reader slows the
/// writer instead of growing a buffer). Writes end with the call: after its token fired they throw
/// <see cref="OperationCanceledException"/>, after the method returned <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class ServerStreamResponse(HttpContext httpContext, CancellationToken callToken, int? maxSendMessageSize)
{
    private readonly Lock _gate = new();
    private bool _writing;
    private bool _completed;

    /// <summary>Whether the response headers have gone out, i.e. the status must now travel in trailers.</summary>
    public bool HasStarted => httpContext.Response.HasStarted;

    public async Task WriteAsync(IMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }

            if (_writing)
            {
                throw new InvalidOperationException("Can't write the message because the previous write is still in progress.");
            }

            callToken.ThrowIfCancellationRequested();
            _writing = true;
        }

        try
        {
            var size = MessageFraming.FramedSize(message, maxSendMessageSize);
            var response = httpContext.Response;
            if (!response.HasStarted)
            {
                ServerResponse.StartResponse(httpContext);
            }

            var writer = response.BodyWriter;
            MessageFraming.Write(message, writer.GetSpan(size)[..size]);
            writer.Advance(size);

            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken)
                : null;
            var token = linked?.Token ?? callToken;
            var result = await writer.FlushAsync(token);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("The write was cancelled.", token);
            }
        }
        finally
        {
            lock (_gate)
            {
                _writing = false;
            }
        }
    }

    /// <summary>Called once the service method has returned: later writes fail instead of racing the trailers.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }
}
