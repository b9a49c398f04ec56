using System.Diagnostics;

using KtEvents.Caching.Resp;

namespace KtEvents.Caching.Connections;

/// <summary>
/// A connection that repairs itself. It hands commands to the current <see cref="PhysicalConnection"/>;
/// when that breaks, its pending commands fail at once and a background loop reconnects (first at
/// once, then after 50 ms, doubling up to 1 s), authenticates, selects the database, lets the owner
/// restore state (the subscriber's channels) and only then takes commands again. While there is no
/// connection, commands fail immediately with <see cref="RedisConnectionException"/>: a caller never
/// waits on a server that is not there.
/// </summary>
internal sealed class ManagedConnection(
    ConnectionMultiplexer owner, ConnectionType type, IPushHandler? pushHandler = null, Func<PhysicalConnection, Task>? restore = null)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource disposing = new();
    private readonly TaskCompletionSource<Exception?> firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private PhysicalConnection? current;
    private bool reconnecting;

    public bool IsConnected => Volatile.Read(ref current) is { IsBroken: false };

    /// <summary>Starts connecting; the task completes with the first attempt's error, or null on success.</summary>
    public Task<Exception?> StartAsync()
    {
        BeginReconnect();
        return firstAttempt.Task;
    }

    public Task<T> ExecuteAsync<T>(RedisCommand command, ReplyParser<T> parser, params ReadOnlySpan<RedisValue> args)
    {
        var activity = owner.TracingEnabled
            ? CommandTracing.Start(command, owner.ServerAddress, owner.ServerPort, owner.DatabaseIndex)
            : null;
        var connection = Volatile.Read(ref current);
        var task = connection is null
            ? Task.FromException<T>(NotConnected(command))
            : connection.SendAsync(command, parser, args);
        return activity is null ? task : CommandTracing.StopWhenDone(task, activity);
    }

    public void Dispose()
    {
        PhysicalConnection? connection;
        lock (gate)
        {
            if (disposing.IsCancellationRequested)
            {
                return;
            }
            disposing.Cancel();
            connection = current;
            current = null;
        }
        firstAttempt.TrySetResult(new ObjectDisposedException(nameof(ConnectionMultiplexer)));
        connection?.Fail(Disposed());
    }

    private void BeginReconnect()
    {
        lock (gate)
        {
            if (reconnecting || disposing.IsCancellationRequested)
            {
                return;
            }
            reconnecting = true;
        }
        _ = Task.Run(ReconnectLoopAsync);
    }

    private async Task ReconnectLoopAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            PhysicalConnection? connection = null;
            try
            {
                connection = await PhysicalConnection.ConnectAsync(
                    owner.EndPoint, owner.EndpointName, owner.Options.ConnectTimeout, owner.Options.AsyncTimeout,
                    pushHandler, OnBroken, disposing.Token);
                await HandshakeAsync(connection);
                if (restore is not null)
                {
                    await restore(connection);
                }
                if (Publish(connection))
                {
                    Connected(attempt, started);
                }
                return;
            }
            catch (OperationCanceledException) when (disposing.IsCancellationRequested)
            {
                connection?.Fail(Disposed());
                return;
            }
            catch (Exception ex)
            {
                connection?.Fail(ex as RedisConnectionException
                    ?? new RedisConnectionException(ConnectionFailureType.UnableToConnect, ex.Message, ex));
                if (firstAttempt.TrySetResult(ex))
                {
                    CachingLog.ConnectFailed(owner.Logger, type, owner.EndpointName, ex.Message);
                }
                else
                {
                    CachingLog.ReconnectAttemptFailed(owner.Logger, type, attempt, owner.EndpointName, ex.Message);
                }
            }

            try
            {
                await Task.Delay(delay, disposing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    /// <summary>Makes a ready connection the current one, unless it broke meanwhile or we are disposed.</summary>
    private bool Publish(PhysicalConnection connection)
    {
        lock (gate)
        {
            if (disposing.IsCancellationRequested)
            {
                connection.Fail(Disposed());
                return false;
            }
            if (connection.IsBroken)
            {
                // It broke during the restore; its OnBroken saw a connection that was not current.
                reconnecting = false;
                BeginReconnectLocked();
                return false;
            }
            Volatile.Write(ref current, connection);
            reconnecting = false;
            return true;
        }
    }

    private void BeginReconnectLocked()
    {
        reconnecting = true;
        _ = Task.Run(ReconnectLoopAsync);
    }

    private void Connected(int attempt, long started)
    {
        if (firstAttempt.TrySetResult(null))
        {
            CachingLog.Connected(owner.Logger, type, owner.EndpointName);
            return;
        }
        CachingLog.ConnectionRestored(owner.Logger, type, owner.EndpointName, attempt, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        owner.OnConnectionRestored(type);
    }

    private void OnBroken(PhysicalConnection connection, RedisConnectionException cause)
    {
        lock (gate)
        {
            if (current != connection)
            {
                return; // a connection still in its handshake: the loop that owns it retries
            }
            current = null;
        }
        if (cause.FailureType == ConnectionFailureType.ConnectionDisposed)
        {
            return;
        }
        CachingLog.ConnectionLost(owner.Logger, type, owner.EndpointName, cause.FailureType, cause.Message);
        owner.OnConnectionFailed(type, cause);
        BeginReconnect();
    }

    private async Task HandshakeAsync(PhysicalConnection connection)
    {
        var options = owner.Options;
        try
        {
            if (options.Password is { } password)
            {
                await (options.User is { } user
                    ? connection.SendAsync(RedisCommand.Auth, Replies.Ok, [user, password])
                    : connection.SendAsync(RedisCommand.Auth, Replies.Ok, [password]));
            }
            // PING before anything else: a server that wants a password it did not get answers NOAUTH.
            await connection.SendAsync(RedisCommand.Ping, Replies.Any, []);
        }
        catch (RedisServerException ex)
        {
            throw new RedisConnectionException(ConnectionFailureType.AuthenticationFailure,
                $"Redis at {owner.EndpointName} refused the connection: {ex.Message}", ex);
        }
        if (owner.DatabaseIndex != 0)
        {
            await connection.SendAsync(RedisCommand.Select, Replies.Ok, [owner.DatabaseIndex]);
        }
        if (options.ClientName is { } name)
        {
            await connection.SendAsync(RedisCommand.Client, Replies.Ok, ["SETNAME", name]);
        }
    }

    private RedisException NotConnected(RedisCommand command) => disposing.IsCancellationRequested
        ? new RedisConnectionException(ConnectionFailureType.ConnectionDisposed, $"The multiplexer was disposed; {command.Name} was not sent.")
        : new RedisConnectionException(ConnectionFailureType.UnableToConnect,
            $"No connection to {owner.EndpointName} is available (reconnecting); {command.Name} was not sent.");

    private static RedisConnectionException Disposed() =>
        new(ConnectionFailureType.ConnectionDisposed, "The multiplexer was disposed.");
}
