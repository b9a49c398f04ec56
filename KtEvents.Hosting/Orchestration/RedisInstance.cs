using KtEvents.Hosting.Local;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

internal sealed class RedisInstance : InfrastructureInstance
{
    private readonly LocalRedis server;
    private readonly string password;

    public RedisInstance(RedisResource model, RunContext context) : base(model, "Redis", context)
    {
        password = context.Expressions.Resolve(model.Password);
        server = new LocalRedis(context.DataDirectoryFor(model), Port, password, ServerOptions);
    }

    protected override bool IsAlive => server.IsRunning;

    protected override int? ProcessId => server.ProcessId;

    protected override Task LaunchAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var answer = await TcpProbe.ExchangeAsync(Port, System.Text.Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"), 12, cancellationToken);
        return System.Text.Encoding.ASCII.GetString(answer) == "+OK\r\n+PONG\r\n";
    }

    protected override Task TerminateAsync() => server.StopAsync();
}
