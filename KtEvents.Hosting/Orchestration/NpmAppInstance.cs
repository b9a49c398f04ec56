using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>The web app's dev server: <c>npm ci</c> first when node_modules is missing, then <c>npm run &lt;script&gt;</c>.</summary>
internal sealed class NpmAppInstance(NpmAppResource model, RunContext context)
    : ProcessInstance(model, model.Name, replica: 0, "NpmApp", context)
{
    private EndpointAnnotation? Endpoint => model.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Scheme == "http");

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(model.WorkingDirectory, "node_modules")))
        {
            return;
        }
        Set(ResourceState.Building, "npm ci");
        var npm = Binaries.Require("npm", "npm");
        var (exitCode, _) = await ServerProcess.RunToEndAsync(new ServerStartInfo(npm, ["ci", "--no-audit", "--no-fund"], model.WorkingDirectory)
        {
            OnOutput = (line, isError) => Context.Console(Name, line, isError),
        }, cancellationToken);
        if (exitCode != 0)
        {
            throw new ResourceStartException($"npm ci failed with exit code {exitCode}; see its console log");
        }
    }

    protected override Task LaunchAsync(CancellationToken cancellationToken)
    {
        StartProcess(Binaries.Require("npm", "npm"), model.Args, model.WorkingDirectory, new Dictionary<string, string> { ["BROWSER"] = "none" });
        return Task.CompletedTask;
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        Endpoint is { } endpoint
            ? HttpHealthProbe.IsHealthyAsync(new Uri(Context.Endpoints.Url(model, endpoint)), http2: false, cancellationToken)
            : Task.FromResult(IsAlive);
}
