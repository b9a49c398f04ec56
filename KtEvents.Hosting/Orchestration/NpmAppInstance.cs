using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Orchestration;

/// <summary>The web app's dev server: <c>npm ci</c> first when node_modules is missing, then <c>npm run &lt;script&gt;</c>.</summary>
internal sealed class NpmAppInstance(NpmAppResource model, RunContext context)
    : ResourceInstance(model.Name, model.Name, "NpmApp", context)
{
    private ServerProcess? process;
    private int? lastExitCode;

    private EndpointAnnotation? Endpoint => model.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Scheme == "http");

    protected override IReadOnlyList<ResourceUrl> Urls =>
        [.. model.Annotations.OfType<EndpointAnnotation>().Select(e => new ResourceUrl(e.Name, Context.Endpoints.Url(model, e), e.IsExternal))];

    protected override int? ProcessId => process?.ProcessGroupId;

    protected override bool IsAlive => process is { HasExited: false };

    protected override int? LastExitCode => lastExitCode;

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
        var environment = ProcessEnvironment.For(model, Name, Context);
        environment["BROWSER"] = "none";
        process = ServerProcess.Start(new ServerStartInfo(Binaries.Require("npm", "npm"), model.Args, model.WorkingDirectory)
        {
            Environment = environment,
            OnOutput = (line, isError) => Context.Console(Name, line, isError),
        });
        return Task.CompletedTask;
    }

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        Endpoint is { } endpoint
            ? HttpHealthProbe.IsHealthyAsync(new Uri(Context.Endpoints.Url(model, endpoint)), http2: false, cancellationToken)
            : Task.FromResult(IsAlive);

    protected override async Task TerminateAsync()
    {
        if (process is { } running)
        {
            process = null;
            await running.StopAsync(TimeSpan.FromSeconds(10));
            lastExitCode = running.ExitCode;
        }
    }
}
