using KtEvents.Hosting.Local;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

internal sealed class RabbitMqInstance : InfrastructureInstance
{
    private static readonly byte[] ProtocolHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];
    private readonly LocalRabbitMq server;

    public RabbitMqInstance(RabbitMQServerResource model, RunContext context) : base(model, "RabbitMQ", context) =>
        server = new LocalRabbitMq(context.DataDirectoryFor(model), Port,
            context.Expressions.Resolve(model.UserName), context.Expressions.Resolve(model.Password), ServerOptions);

    protected override bool IsAlive => server.IsRunning;

    protected override int? ProcessId => server.ProcessId;

    protected override async Task LaunchAsync(CancellationToken cancellationToken)
    {
        await server.InitializeAsync(cancellationToken);
        await server.StartAsync(cancellationToken);
    }

    /// <summary>Connection.Start (frame type 1) in answer to the protocol header means the node serves AMQP.</summary>
    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        await TcpProbe.ExchangeAsync(Port, ProtocolHeader, 1, cancellationToken) is [1];

    protected override Task TerminateAsync() => server.StopAsync();
}
