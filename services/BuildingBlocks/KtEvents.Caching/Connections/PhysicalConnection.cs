using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

using KtEvents.Caching.Resp;

namespace KtEvents.Caching.Connections;

/// <summary>
/// One TCP connection to Redis, shared by every caller. A command is encoded straight into an
/// in-memory pipe and its pending reply queued, both under one lock, so the wire order and the queue
/// order are the same; a single write loop sends whatever has accumulated in one socket write, so
/// concurrent commands pipeline by themselves. A single read loop cuts replies out of the stream and
/// hands each to the oldest pending command (RESP2 answers in order). A timer fails commands whose
/// reply is late without removing them: their replies still arrive and must be consumed in turn.
/// Once broken, a connection stays broken: every pending command fails, and the owner reconnects
/// with a new instance.
/// </summary>
internal sealed class PhysicalConnection
{
    // No back-pressure on the outgoing pipe (a write never waits), and segments large enough that a
    // typical batch of commands goes out in one send.
    private static readonly PipeOptions OutputOptions = new(
        pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 16 * 1024, useSynchronizationContext: false);

    private static readonly StreamPipeReaderOptions InputOptions = new(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true);

    private readonly NetworkStream stream;
    private readonly PipeReader input;
    private readonly Pipe output = new(OutputOptions);
    private readonly ReplyQueue awaiting = new();
    private readonly Lock sync = new();
    private readonly Timer timeoutTimer;
    private readonly long timeoutMilliseconds;
    private readonly IPushHandler? pushHandler;
    private readonly Action<PhysicalConnection, RedisConnectionException> onBroken;
    private int timedOut; // how many of the oldest pending commands have already been failed by the timer
    private RedisConnectionException? failure;

    private PhysicalConnection(
        Socket socket, string endpoint, long timeoutMilliseconds, IPushHandler? pushHandler,
        Action<PhysicalConnection, RedisConnectionException> onBroken)
    {
        stream = new NetworkStream(socket, ownsSocket: true);
        input = PipeReader.Create(stream, InputOptions);
        Endpoint = endpoint;
        this.timeoutMilliseconds = timeoutMilliseconds;
        this.pushHandler = pushHandler;
        this.onBroken = onBroken;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(timeoutMilliseconds / 10, 10, 100));
        timeoutTimer = new Timer(static state => ((PhysicalConnection)state!).CheckTimeouts(), this, period, period);
    }

    public string Endpoint { get; }

    public bool IsBroken => Volatile.Read(ref failure) is not null;

    public static async Task<PhysicalConnection> ConnectAsync(
        EndPoint endpoint, string endpointName, int connectTimeoutMilliseconds, int commandTimeoutMilliseconds,
        IPushHandler? pushHandler, Action<PhysicalConnection, RedisConnectionException> onBroken, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(connectTimeoutMilliseconds);
            await socket.ConnectAsync(endpoint, timeout.Token);
            // Notice a peer that vanished without closing (a dropped host) within about a minute.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 30);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 5);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
        }
        catch (Exception ex)
        {
            socket.Dispose();
            throw ex switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => ex,
                OperationCanceledException => new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                    $"Connecting to {endpointName} timed out after {connectTimeoutMilliseconds} ms."),
                SocketException socketError => new RedisConnectionException(ConnectionFailureType.UnableToConnect,
                    $"It was not possible to connect to {endpointName}: {socketError.SocketErrorCode}.", socketError),
                _ => ex,
            };
        }

        var connection = new PhysicalConnection(socket, endpointName, commandTimeoutMilliseconds, pushHandler, onBroken);
        _ = connection.ReadLoopAsync();
        _ = connection.WriteLoopAsync();
        return connection;
    }

    public Task<T> SendAsync<T>(RedisCommand command, ReplyParser<T> parser, ReadOnlySpan<RedisValue> args)
    {
        var reply = new PendingReply<T>(command, parser);
        Send(reply, args);
        return reply.Task;
    }

    public void Send(IPendingReply reply, ReadOnlySpan<RedisValue> args)
    {
        RedisConnectionException broken;
        lock (sync)
        {
            broken = failure!;
            if (failure is null)
            {
                RespWriter.Write(output.Writer, reply.Command, args);
                reply.Deadline = Environment.TickCount64 + timeoutMilliseconds;
                awaiting.Enqueue(reply);
                // Completes synchronously: the pipe has no pause threshold. It wakes the write loop,
                // which takes everything written by then, this command and any that follow it.
                output.Writer.FlushAsync().GetAwaiter().GetResult();
                return;
            }
        }
        reply.SetError(Describe(broken, reply.Command, "was not sent"));
    }

    /// <summary>Breaks the connection (idempotent): closes the socket and fails every pending command.</summary>
    public void Fail(RedisConnectionException cause)
    {
        IPendingReply[] orphans;
        lock (sync)
        {
            if (failure is not null)
            {
                return;
            }
            Volatile.Write(ref failure, cause);
            orphans = awaiting.DrainAll();
            timedOut = 0;
            output.Writer.Complete();
        }
        timeoutTimer.Dispose();
        stream.Dispose();
        foreach (var orphan in orphans)
        {
            orphan.SetError(Describe(cause, orphan.Command, "got no reply"));
        }
        onBroken(this, cause);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                var consumed = DeliverReplies(buffer);
                if (result.IsCompleted)
                {
                    throw new RedisConnectionException(ConnectionFailureType.SocketClosed, $"The connection to {Endpoint} was closed by the server.");
                }
                input.AdvanceTo(consumed, buffer.End);
            }
        }
        catch (Exception ex)
        {
            Fail(AsConnectionFailure(ex));
        }
        finally
        {
            await input.CompleteAsync();
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await output.Reader.ReadAsync();
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await stream.WriteAsync(segment);
                }
                output.Reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(AsConnectionFailure(ex));
        }
        finally
        {
            await output.Reader.CompleteAsync();
        }
    }

    private SequencePosition DeliverReplies(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var consumed = buffer.Start;
        while (RespScanner.TrySkip(ref reader))
        {
            var reply = buffer.Slice(consumed, reader.Position);
            consumed = reader.Position;
            Deliver(reply);
        }
        return consumed;
    }

    private void Deliver(in ReadOnlySequence<byte> reply)
    {
        if (pushHandler is not null && pushHandler.TryHandle(reply))
        {
            return;
        }
        IPendingReply next;
        lock (sync)
        {
            if (awaiting.Count == 0)
            {
                throw RespProtocol.Malformed("a reply arrived that no command was waiting for");
            }
            next = awaiting.Dequeue();
            if (timedOut > 0)
            {
                timedOut--;
            }
        }
        if (reply.FirstSpan[0] == RespProtocol.Error)
        {
            next.SetError(new RedisServerException(Replies.ErrorText(reply)));
        }
        else
        {
            next.SetReply(reply);
        }
    }

    private void CheckTimeouts()
    {
        List<IPendingReply>? expired = null;
        int waiting;
        lock (sync)
        {
            // Every command on this connection has the same timeout, so deadlines grow along the
            // queue and the expired ones are exactly those from 'timedOut' up to the first live one.
            var now = Environment.TickCount64;
            while (timedOut < awaiting.Count && awaiting[timedOut].Deadline <= now)
            {
                (expired ??= []).Add(awaiting[timedOut]);
                timedOut++;
            }
            waiting = awaiting.Count;
        }
        foreach (var reply in expired ?? [])
        {
            reply.SetError(new RedisTimeoutException(
                $"Timeout awaiting the reply to {reply.Command.Name} from {Endpoint} after {timeoutMilliseconds} ms ({waiting} command(s) awaiting replies)."));
        }
    }

    private RedisConnectionException AsConnectionFailure(Exception ex) => ex switch
    {
        RedisConnectionException connectionError => connectionError,
        IOException or SocketException or ObjectDisposedException =>
            new RedisConnectionException(ConnectionFailureType.SocketFailure, $"The connection to {Endpoint} failed: {ex.Message}", ex),
        _ => new RedisConnectionException(ConnectionFailureType.ProtocolFailure, $"The connection to {Endpoint} failed unexpectedly: {ex.Message}", ex),
    };

    private static RedisConnectionException Describe(RedisConnectionException cause, RedisCommand command, string what) =>
        new(cause.FailureType, $"{cause.Message} {command.Name} {what}.", cause.InnerException ?? cause);
}
