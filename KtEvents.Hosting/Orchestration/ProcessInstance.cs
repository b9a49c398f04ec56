using KtEvents.Dashboard.Resources;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// A resource that is one process the AppHost starts with Aspire's environment (a project replica,
/// the web app's dev server): its endpoints, its process group, its exit code, and how it stops.
/// </summary>
internal abstract class ProcessInstance(IResourceWithEnvironment model, string name, int replica, string type, RunContext context)
    : ResourceInstance(name, model.Name, type, context)
{
    private ServerProcess? process;
    private int? lastExitCode;

    protected int Replica { get; } = replica;

    protected override IReadOnlyList<ResourceUrl> Urls =>
        [.. model.Annotations.OfType<EndpointAnnotation>().Select(e => new ResourceUrl(e.Name, Context.Endpoints.Url(model, e, Replica), e.IsExternal))];

    protected override int? ProcessId => process?.ProcessGroupId;

    protected override bool IsAlive => process is { HasExited: false };

    protected override int? LastExitCode => lastExitCode;

    /// <summary>Starts <paramref name="fileName"/> with the resource's environment plus <paramref name="extra"/>, its output to the console log.</summary>
    protected void StartProcess(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> extra)
    {
        var environment = ProcessEnvironment.For(model, Name, Context);
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }
        process = ServerProcess.Start(new ServerStartInfo(fileName, arguments, workingDirectory)
        {
            Environment = environment,
            OnOutput = (line, isError) => Context.Console(Name, line, isError),
        });
    }

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
