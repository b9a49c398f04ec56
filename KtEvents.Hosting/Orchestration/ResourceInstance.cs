using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.Processes;
using Microsoft.Extensions.Logging;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// One running thing: a server, a database, a project replica, the web app. The base class is the
/// supervisor every kind shares: wait for what it <c>WaitFor</c>s, start, probe health, and when the
/// process dies start it again after a backoff that doubles up to <see cref="RunOptions.MaxRestartDelay"/>
/// (reset once a run lasted a minute). Subclasses say how to launch, probe and stop.
/// </summary>
internal abstract class ResourceInstance(string name, string displayName, string type, RunContext context)
{
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly TaskCompletionSource firstHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource restartRequest = new();
    private ResourceState state = ResourceState.NotStarted;
    private ResourceHealth? health;
    private int restarts;
    private DateTimeOffset? startedAt;
    private int? exitCode;
    private string? message;

    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;

    public string Type { get; } = type;

    protected RunContext Context { get; } = context;

    /// <summary>What must be healthy before this starts.</summary>
    public List<ResourceInstance> WaitsFor { get; } = [];

    /// <summary>Completes the first time the resource is healthy; fails if it can never start.</summary>
    public Task FirstHealthy => firstHealthy.Task;

    public bool IsHealthy
    {
        get { lock (gate) { return health == ResourceHealth.Healthy; } }
    }

    public ResourceState State
    {
        get { lock (gate) { return state; } }
    }

    /// <summary>Servers and databases stop after the processes that use them.</summary>
    public virtual bool IsInfrastructure => false;

    protected virtual IReadOnlyList<ResourceUrl> Urls => [];

    protected virtual int? ProcessId => null;

    /// <summary>Starts the resource; returns once it runs (health is probed afterwards).</summary>
    protected abstract Task LaunchAsync(CancellationToken cancellationToken);

    /// <summary>False once the process has exited.</summary>
    protected abstract bool IsAlive { get; }

    /// <summary>The exit code of the process that just ended, if there is one.</summary>
    protected virtual int? LastExitCode => null;

    protected abstract Task<bool> ProbeAsync(CancellationToken cancellationToken);

    protected abstract Task TerminateAsync();

    /// <summary>Work before the first launch that must not be retried (npm ci, waiting for the build).</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ResourceSnapshot Snapshot()
    {
        lock (gate)
        {
            var running = state is ResourceState.Running;
            return new ResourceSnapshot(Name, DisplayName, Type, state, health, Urls, restarts,
                running ? startedAt : null, running ? ProcessId : null, exitCode, message);
        }
    }

    /// <summary>Runs the resource until <paramref name="stopping"/> fires, restarting it when it dies.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await WaitForDependenciesAsync(stopping);
            await PrepareAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Set(ResourceState.Stopped, null);
            return;
        }
        catch (Exception ex) when (ex is InfrastructureUnavailableException or ResourceStartException)
        {
            Fail(ex.Message);
            return;
        }

        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            CancellationToken restart;
            lock (gate)
            {
                restart = restartRequest.Token;
            }
            var launchedAt = DateTimeOffset.UtcNow;
            try
            {
                Set(ResourceState.Starting, null);
                await LaunchAsync(stopping);
                lock (gate)
                {
                    state = ResourceState.Running;
                    startedAt = launchedAt;
                    health = ResourceHealth.Unknown;
                    message = null;
                }
                await SuperviseAsync(stopping, restart);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is InfrastructureUnavailableException or ResourceStartException or IOException or System.ComponentModel.Win32Exception)
            {
                Set(ResourceState.Restarting, ex.Message);
                Context.Log.StartFailed(Name, ex.Message);
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }
            var requested = restart.IsCancellationRequested;
            await TerminateAsync();
            lock (gate)
            {
                restarts++;
                exitCode = LastExitCode ?? exitCode;
                health = null;
                if (requested)
                {
                    restartRequest.Dispose();
                    restartRequest = new();
                }
            }
            if (requested)
            {
                failures = 0;
                continue;
            }

            failures = DateTimeOffset.UtcNow - launchedAt > StableRun ? 1 : failures + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(Context.Options.MaxRestartDelay.TotalSeconds, Math.Pow(2, failures - 1)));
            Set(ResourceState.Restarting, $"exited with code {LastExitCode?.ToString() ?? "?"}; restarting in {delay.TotalSeconds:0} s");
            Context.Log.Restarting(Name, LastExitCode, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Stops the process; the supervisor starts it again at once.</summary>
    public void RequestRestart()
    {
        lock (gate)
        {
            restartRequest.Cancel();
        }
    }

    public async Task StopAsync()
    {
        Set(ResourceState.Stopping, null);
        await TerminateAsync();
        lock (gate)
        {
            state = ResourceState.Stopped;
            health = null;
        }
        firstHealthy.TrySetCanceled();
    }

    protected void Fail(string reason)
    {
        Set(ResourceState.FailedToStart, reason);
        Context.Log.FailedToStart(Name, reason);
        firstHealthy.TrySetException(new ResourceStartException($"'{Name}' failed to start: {reason}"));
    }

    protected void Set(ResourceState newState, string? newMessage)
    {
        lock (gate)
        {
            state = newState;
            message = newMessage;
        }
    }

    private async Task WaitForDependenciesAsync(CancellationToken stopping)
    {
        foreach (var dependency in WaitsFor)
        {
            Set(ResourceState.Waiting, $"waiting for {dependency.DisplayName}");
            try
            {
                await dependency.FirstHealthy.WaitAsync(stopping);
            }
            catch (ResourceStartException)
            {
                throw new ResourceStartException($"{dependency.DisplayName}, which it waits for, failed to start");
            }
        }
    }

    private async Task SuperviseAsync(CancellationToken stopping, CancellationToken restart)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, restart);
        while (IsAlive && !linked.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
                probeTimeout.CancelAfter(TimeSpan.FromSeconds(5));
                healthy = await ProbeAsync(probeTimeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or System.Net.Sockets.SocketException or Npgsql.NpgsqlException)
            {
                healthy = false;
            }
            if (linked.IsCancellationRequested)
            {
                break;
            }
            lock (gate)
            {
                health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy;
            }
            if (healthy && firstHealthy.TrySetResult())
            {
                Context.Log.Healthy(Name, (DateTimeOffset.UtcNow - Context.StartedAt).TotalSeconds);
            }
            try
            {
                await Task.Delay(healthy ? Context.Options.HealthCheckInterval * 2 : Context.Options.HealthCheckInterval / 4, linked.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        stopping.ThrowIfCancellationRequested();
    }
}
