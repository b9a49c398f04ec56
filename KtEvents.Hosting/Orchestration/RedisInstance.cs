using KtEvents.Hosting.Local;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

internal sealed class RedisInstance : InfrastructureInstance
{
    private readonly LocalRedis server;

    public RedisInstance(RedisResource model, RunContext context) : base(model, "Redis", context) =>
        server = new LocalRedis(context.DataDirectoryFor(model), Port, context.Expressions.Resolve(model.Password), ServerOptions);

    protected override bool IsAlive => server.IsRunning;

    protected override int? ProcessId => server.ProcessId;

    protected override Task LaunchAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => server.IsServingAsync(cancellationToken);

    protected override Task TerminateAsync() => server.StopAsync();
}
