using KtEvents.Dashboard.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.Hosting.Tests.Running;

/// <summary>
/// A small system described the way KtEvents.AppHost describes the real one: Postgres with a
/// database, Redis, RabbitMQ, and two projects from this repository (SampleFront calls SampleBack,
/// which reads its database), run by the AppHost's own code with a scratch data folder and a
/// dashboard on a free port.
/// </summary>
internal static class SampleApp
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

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

    public static string TestsDirectory => Path.Combine(RepositoryRoot, "tests");

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "ktevents-test", $"apphost-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <param name="backReplicas">SampleBack replicas; the front resolves all of them by service discovery.</param>
    public static DistributedApplication Build(string dataDirectory, int backReplicas = 2, bool withMessaging = true)
    {
        var builder = new DistributedApplicationBuilder(
            [$"--AppHost:DataDirectory={dataDirectory}", "--AppHost:DashboardUrl=http://localhost:0", $"--AppHost:BuildConfiguration={Configuration}",
             "--Logging:LogLevel:Default=Warning"],
            Path.Combine(TestsDirectory, "KtEvents.Hosting.Tests"));
        var postgres = builder.AddPostgres("postgres");
        var sampleDb = postgres.AddDatabase("sampledb");
        var back = builder.AddProject("back", "../KtEvents.Hosting.SampleBack/KtEvents.Hosting.SampleBack.csproj")
            .WithReference(sampleDb).WaitFor(sampleDb).WithReplicas(backReplicas);
        var front = builder.AddProject("front", "../KtEvents.Hosting.SampleFront/KtEvents.Hosting.SampleFront.csproj")
            .WithReference(back).WaitFor(back).WithExternalHttpEndpoints();
        if (withMessaging)
        {
            var cache = builder.AddRedis("cache");
            var messaging = builder.AddRabbitMQ("messaging");
            front.WithReference(cache).WithReference(messaging).WaitFor(cache).WaitFor(messaging);
        }
        return builder.Build();
    }

    /// <summary>Processes whose command line mentions <paramref name="marker"/> (a data folder, a sample's name).</summary>
    public static IReadOnlyList<string> ProcessesMentioning(string marker)
    {
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    /// <summary>Waits for the resource; on failure says where every resource stands and what it printed last.</summary>
    public static async Task WaitUntilHealthyAsync(DistributedApplication app, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await app.WaitForResourceHealthyAsync(name, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Orchestration.ResourceStartException)
        {
            var console = app.Services.GetRequiredService<ConsoleLogStore>();
            var report = string.Join('\n', app.ResourceService.GetResources().Select(r =>
                $"{r.Name}: {r.State} {r.Health} restarts={r.Restarts} exit={r.ExitCode} {r.Message}\n    "
                + string.Join("\n    ", console.Read(r.Name).TakeLast(8).Select(l => l.Text))));
            var build = string.Join("\n    ", console.Read("build").TakeLast(15).Select(l => l.Text));
            throw new Xunit.Sdk.XunitException($"'{name}' did not become healthy ({ex.Message}):\n{report}\nbuild:\n    {build}");
        }
    }
}
