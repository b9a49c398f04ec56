using KtEvents.Hosting.Local;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

internal sealed class PostgresInstance : InfrastructureInstance
{
    private readonly LocalPostgres server;

    public PostgresInstance(PostgresServerResource model, RunContext context) : base(model, "Postgres", context) =>
        server = new LocalPostgres(context.DataDirectoryFor(model), Port, context.Expressions.Resolve(model.Password), ServerOptions);

    protected override bool IsAlive => server.IsRunning;

    protected override int? ProcessId => server.ProcessId;

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        await server.InitializeAsync(cancellationToken);
        await server.StartAsync(cancellationToken);
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => server.IsServingAsync(cancellationToken);

    protected override Task TerminateAsync() => server.StopAsync();
}
