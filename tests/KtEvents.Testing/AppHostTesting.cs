using KtEvents.Dashboard.Resources;
using KtEvents.Hosting;
using KtEvents.Hosting.Orchestration;

using Microsoft.Extensions.DependencyInjection;

using Xunit.Sdk;

namespace KtEvents.Testing;

/// <summary>What tests that run an AppHost (a sample system or the whole one) share.</summary>
public static class AppHostTesting
{
    /// <summary>The repository (where KtEvents.sln is), found above the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var current = new DirectoryInfo(AppContext.BaseDirectory); current is not null; current = current.Parent)
            {
                if (File.Exists(Path.Combine(current.FullName, "KtEvents.sln")))
                {
                    return current.FullName;
                }
            }

            throw new InvalidOperationException("KtEvents.sln was not found above the test assembly.");
        }
    }

    /// <summary>Waits for the resource; on failure says where every resource stands and what it printed last.</summary>
    public static async Task WaitUntilHealthyAsync(DistributedApplication app, string name, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await app.WaitForResourceHealthyAsync(name, cancellation.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ResourceStartException)
        {
            var console = app.Services.GetRequiredService<ConsoleLogStore>();
            var report = string.Join('\n', app.ResourceService.GetResources().Select(r =>
                $"{r.Name}: {r.State} {r.Health} restarts={r.Restarts} exit={r.ExitCode} {r.Message}\n    "
                + string.Join("\n    ", console.Read(r.Name).TakeLast(10).Select(l => l.Text))));
            var build = string.Join("\n    ", console.Read("build").TakeLast(20).Select(l => l.Text));
            throw new XunitException($"'{name}' did not become healthy ({ex.Message}):\n{report}\nbuild:\n    {build}");
        }
    }
}
