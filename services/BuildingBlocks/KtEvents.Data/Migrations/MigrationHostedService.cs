using Microsoft.Extensions.Hosting;

namespace KtEvents.Data.Migrations;

/// <summary>
/// Applies every registered <see cref="MigrationSet"/> in <see cref="StartingAsync"/>, which the
/// host runs before any service starts, Kestrel included: a service never answers a request on an
/// old schema, and a failed migration stops the process (the orchestrator restarts it).
/// </summary>
internal sealed class MigrationHostedService(MigrationRunner runner, IEnumerable<MigrationSet> sets) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (var set in sets)
        {
            await runner.ApplyAsync(set, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
