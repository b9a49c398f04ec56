using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>One replica of a .NET project, run from the build output with Aspire's environment.</summary>
internal sealed class ProjectInstance(ProjectResource model, int replica, RunContext context)
    : ResourceInstance(Names(model, replica), model.Name, "Project", context)
{
    private ServerProcess? process;
    private string? assembly;
    private int? lastExitCode;

    private int Port => Context.Endpoints.Port(model, "http", replica);

    private bool Http2 => model.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http" && e.Transport == "http2");

    protected override IReadOnlyList<ResourceUrl> Urls =>
        [.. model.Annotations.OfType<EndpointAnnotation>().Select(e => new ResourceUrl(e.Name, Context.Endpoints.Url(model, e, replica), e.IsExternal))];

    protected override int? ProcessId => process?.ProcessGroupId;

    protected override bool IsAlive => process is { HasExited: false };

    protected override int? LastExitCode => lastExitCode;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Set(ResourceState.Building, "dotnet build");
        var outputs = await Context.Build.WaitAsync(cancellationToken);
        assembly = outputs[model.ProjectPath];
    }

    protected override Task LaunchAsync(CancellationToken cancellationToken)
    {
        var environment = ProcessEnvironment.For(model, Name, Context);
        environment["ASPNETCORE_URLS"] = $"http://localhost:{Port}";
        process = ServerProcess.Start(new ServerStartInfo(Binaries.Require("dotnet", "dotnet-sdk-10.0"), [assembly!], Path.GetDirectoryName(model.ProjectPath)!)
        {
            Environment = environment,
            OnOutput = (line, isError) => Context.Console(Name, line, isError),
        });
        return Task.CompletedTask;
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        HttpHealthProbe.IsHealthyAsync(new Uri($"http://localhost:{Port}/health"), Http2, cancellationToken);

    protected override async Task TerminateAsync()
    {
        if (process is { } running)
        {
            process = null;
            await running.StopAsync(TimeSpan.FromSeconds(10));
            lastExitCode = running.ExitCode;
        }
    }

    private static string Names(ProjectResource model, int replica) =>
        AllocatedEndpoints.Replicas(model) > 1 ? $"{model.Name}-{replica}" : model.Name;
}
