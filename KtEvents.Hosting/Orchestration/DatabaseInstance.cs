using KtEvents.Hosting.Local;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>A database the AppHost creates on its server (local or existing) once the server is healthy.</summary>
internal sealed class DatabaseInstance(PostgresDatabaseResource model, ResourceInstance server, RunContext context)
    : ResourceInstance(model.Name, model.Name, "PostgresDatabase", context)
{
    private bool created;

    public override bool IsInfrastructure => true;

    protected override bool IsAlive => created;

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        await PostgresDatabases.EnsureAsync(Context.Expressions.Resolve(model.Server), model.DatabaseName, cancellationToken);
        created = true;
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(server.IsHealthy);

    protected override Task TerminateAsync()
    {
        created = false;
        return Task.CompletedTask;
    }
}
