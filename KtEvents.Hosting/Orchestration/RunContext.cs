using KtEvents.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace KtEvents.Hosting.Orchestration;

/// <summary>What every running resource shares: settings, resolved values, the build, the console sink.</summary>
internal sealed class RunContext(
    RunOptions options,
    RunExpressions expressions,
    AllocatedEndpoints endpoints,
    DistributedApplicationExecutionContext executionContext,
    ILogger log,
    Action<string, string, bool> console)
{
    public RunOptions Options { get; } = options;

    public RunExpressions Expressions { get; } = expressions;

    public AllocatedEndpoints Endpoints { get; } = endpoints;

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public ILogger Log { get; } = log;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The dashboard's OTLP address and key, which every process exports to.</summary>
    public required Uri OtlpEndpoint { get; init; }

    public required string OtlpApiKey { get; init; }

    /// <summary>The one build of all projects; maps each .csproj to the assembly to run.</summary>
    public required Task<IReadOnlyDictionary<string, string>> Build { get; init; }

    /// <summary>A data folder per resource: kept for persistent ones, removed after the run otherwise.</summary>
    public required Func<IResource, string> DataDirectoryFor { get; init; }

    public void Console(string resource, string line, bool isError) => console(resource, line, isError);
}
