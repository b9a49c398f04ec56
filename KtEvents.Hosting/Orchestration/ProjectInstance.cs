using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>One replica of a .NET project, run from the build output with Aspire's environment.</summary>
internal sealed class ProjectInstance(ProjectResource model, int replica, RunContext context)
    : ProcessInstance(model, Names(model, replica), replica, "Project", context)
{
    private string? assembly;

    private int Port => Context.Endpoints.Port(model, "http", Replica);

    private bool Http2 => model.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http" && e.Transport == "http2");

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Set(ResourceState.Building, "dotnet build");
        var outputs = await Context.Build.WaitAsync(cancellationToken);
        assembly = outputs[model.ProjectPath];
    }

    protected override Task LaunchAsync(CancellationToken cancellationToken)
    {
        StartProcess(Binaries.Require("dotnet", "dotnet-sdk-10.0"), [assembly!], Path.GetDirectoryName(model.ProjectPath)!,
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://localhost:{Port}" });
        return Task.CompletedTask;
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        HttpHealthProbe.IsHealthyAsync(new Uri($"http://localhost:{Port}/health"), Http2, cancellationToken);

    private static string Names(ProjectResource model, int replica) =>
        AllocatedEndpoints.Replicas(model) > 1 ? $"{model.Name}-{replica}" : model.Name;
}
