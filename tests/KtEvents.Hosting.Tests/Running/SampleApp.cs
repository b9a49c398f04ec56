using KtEvents.Testing;

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

    public static string RepositoryRoot => AppHostTesting.RepositoryRoot;

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

    public static Task WaitUntilHealthyAsync(DistributedApplication app, string name) =>
        AppHostTesting.WaitUntilHealthyAsync(app, name, TimeSpan.FromMinutes(2));
}
