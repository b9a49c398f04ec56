using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Local;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>Postgres, Redis or RabbitMQ, started from the machine's installed binary.</summary>
internal abstract class InfrastructureInstance(ContainerResource model, string type, RunContext context)
    : ResourceInstance(model.Name, model.Name, type, context)
{
    protected ContainerResource Model { get; } = model;

    public override bool IsInfrastructure => true;

    protected int Port => Context.Endpoints.Port(Model, "tcp");

    protected bool Persistent =>
        Model.Annotations.OfType<ContainerLifetimeAnnotation>().LastOrDefault()?.Lifetime == ContainerLifetime.Persistent;

    protected LocalServerOptions ServerOptions => new()
    {
        Durable = Persistent,
        RemoveOnOrphan = Persistent ? null : Context.DataDirectoryFor(Model),
        OnOutput = (line, isError) => Context.Console(Name, line, isError),
    };

    protected override IReadOnlyList<Dashboard.Resources.ResourceUrl> Urls => [new("tcp", $"tcp://127.0.0.1:{Port}", IsExternal: false)];
}
