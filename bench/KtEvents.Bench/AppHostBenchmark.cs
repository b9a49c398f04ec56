using System.Diagnostics;
using System.Text.RegularExpressions;

/// <summary>
/// Cold start and idle memory of the whole system as a developer runs it: KtEvents.AppHost as its
/// own process, with a fresh data folder (so Postgres runs initdb and RabbitMQ creates its node),
/// timed from launch until every resource has logged "is healthy"; then, after a quiet period, the
/// resident memory of the AppHost and every process it started, summed from /proc.
/// </summary>
internal static partial class AppHostBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var idleSeconds = args.Length > 0 ? int.Parse(args[0]) : 15;
        var repository = FindRepository();
        var appHost = Path.Combine(repository, "KtEvents.AppHost", "bin", "Release", "net10.0", "KtEvents.AppHost.dll");
        if (!File.Exists(appHost))
        {
            Console.Error.WriteLine($"Build the AppHost first: dotnet build -c Release KtEvents.AppHost ({appHost} is missing)");
            return 1;
        }
        var data = Path.Combine(Path.GetTempPath(), $"ktevents-bench-{Guid.NewGuid():N}"[..24]);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { appHost, $"--AppHost:DataDirectory={data}", "--AppHost:DashboardUrl=http://localhost:0", "--AppHost:BuildConfiguration=Release" })
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var healthy = new HashSet<string>();
        TimeSpan? allHealthy = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }
            if (HealthyLine().Match(line) is { Success: true } match)
            {
                lock (healthy)
                {
                    healthy.Add(match.Groups[1].Value);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var expected = ExpectedResources(repository);
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            lock (healthy)
            {
                if (healthy.IsSupersetOf(expected))
                {
                    allHealthy = clock.Elapsed;
                    break;
                }
            }
            await Task.Delay(50);
        }
        if (allHealthy is null)
        {
            Console.Error.WriteLine($"Not every resource became healthy within 5 minutes; healthy: {string.Join(", ", healthy)}");
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var (rss, count) = TreeRss(process.Id, data);
            Console.WriteLine($"apphost cold start: {expected.Count} resources healthy after {allHealthy.Value.TotalSeconds:0.0} s (fresh data folder)");
            Console.WriteLine($"apphost idle RSS after {idleSeconds} s: {rss / 1024.0:0} MiB over {count} processes (AppHost, servers, services)");
        }

        NativeKill(process.Id);
        await process.WaitForExitAsync();
        Directory.Delete(data, recursive: true);
        return allHealthy is null ? 1 : 0;
    }

    /// <summary>Every resource Program.cs declares, read from the manifest the AppHost publishes (parameters excluded).</summary>
    private static HashSet<string> ExpectedResources(string repository)
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"ktevents-bench-manifest-{Environment.ProcessId}.json");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(repository, "KtEvents.AppHost", "bin", "Release", "net10.0", "KtEvents.AppHost.dll"), "--publisher", "manifest", "--output-path", manifest])
        {
            RedirectStandardOutput = true,
        };
        using (var publish = Process.Start(info)!)
        {
            publish.WaitForExit();
        }
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        File.Delete(manifest);
        return [.. document.RootElement.GetProperty("resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("type").GetString() != "parameter.v0")
            .Select(r => r.Name)];
    }

    /// <summary>VmRSS of the AppHost and of every process whose command line or ancestry ties it to this run.</summary>
    private static (long KiB, int Count) TreeRss(int appHostPid, string dataDirectory)
    {
        var parents = new Dictionary<int, int>();
        var rss = new Dictionary<int, long>();
        var tied = new HashSet<int> { appHostPid };
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                parents[pid] = int.Parse(status.First(l => l.StartsWith("PPid:", StringComparison.Ordinal))[5..].Trim());
                var line = status.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                rss[pid] = line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0]);
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(dataDirectory, StringComparison.Ordinal))
                {
                    tied.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }
        // Children (services started by the AppHost, erlang's helpers) are tied through their parents.
        bool added;
        do
        {
            added = false;
            foreach (var (pid, parent) in parents)
            {
                if (!tied.Contains(pid) && tied.Contains(parent))
                {
                    added |= tied.Add(pid);
                }
            }
        }
        while (added);
        return (tied.Sum(pid => rss.GetValueOrDefault(pid)), tied.Count(rss.ContainsKey));
    }

    private static void NativeKill(int pid) => Process.Start("kill", ["-TERM", pid.ToString()])?.WaitForExit();

    private static string FindRepository()
    {
        for (var current = new DirectoryInfo(AppContext.BaseDirectory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "KtEvents.sln")))
            {
                return current.FullName;
            }
        }
        throw new InvalidOperationException("KtEvents.sln was not found above the benchmark.");
    }

    [GeneratedRegex(@" (\S+) is healthy \(")]
    private static partial Regex HealthyLine();
}
