using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

/// <summary>
/// KtEvents.AppHost run as its own process, as a developer runs it, on a fresh data folder. Waits
/// until the named resources log healthy, then finds the gateway (the AppHost prints external
/// endpoints) and the Sandbox (not external: read from the dashboard's resource table, logged in with
/// a browser token this run chose). Disposing sends SIGTERM, which stops everything the AppHost
/// started, and deletes the data folder.
/// With a build lock file, the lock is held while the AppHost builds the services (from launch until
/// its first project reports healthy), so the build never runs beside another build of the same tree.
/// </summary>
internal sealed partial class RunningAppHost : IAsyncDisposable
{
    private static readonly HashSet<string> Servers = ["postgres", "cache", "messaging"];

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly ConcurrentQueue<string> _recentLines = new();

    private RunningAppHost(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri Gateway { get; private set; } = null!;

    public Uri Sandbox { get; private set; } = null!;

    public TimeSpan StartedIn { get; private set; }

    /// <summary>Starts the AppHost with <paramref name="settings"/> (<c>--Key=value</c>) and waits for <paramref name="resources"/>.</summary>
    public static async Task<RunningAppHost> StartAsync(
        string repository, IReadOnlyList<string> settings, IReadOnlyCollection<string> resources, string? buildLock, TimeSpan timeout)
    {
        var appHost = Path.Combine(repository, "KtEvents.AppHost", "bin", "Release", "net10.0", "KtEvents.AppHost.dll");
        if (!File.Exists(appHost))
        {
            throw new InvalidOperationException($"Build the AppHost first: dotnet build -c Release KtEvents.AppHost ({appHost} is missing)");
        }

        var lockFile = buildLock is null ? null : await AcquireLockAsync(buildLock);
        var data = Path.Combine(Path.GetTempPath(), $"ktevents-bench-{Guid.NewGuid():N}"[..24]);
        var browserToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            appHost, $"--AppHost:DataDirectory={data}", "--AppHost:DashboardUrl=http://localhost:0",
            "--AppHost:BuildConfiguration=Release", $"--AppHost:BrowserToken={browserToken}",
        }.Concat(settings))
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        var running = new RunningAppHost(Process.Start(info)!, data);
        var healthy = new ConcurrentDictionary<string, bool>();
        Uri? gateway = null, dashboard = null;
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            running.Remember(line);
            if (HealthyLine().Match(line) is { Success: true } match)
            {
                var name = match.Groups[1].Value;
                healthy[name] = true;
                if (!Servers.Contains(name) && !name.EndsWith("db", StringComparison.Ordinal))
                {
                    // A project is running, so the AppHost's one build of the services is over.
                    ReleaseLock(ref lockFile);
                }
            }
            else if (EndpointLine().Match(line) is { Success: true } endpoint)
            {
                var url = new Uri(endpoint.Groups[2].Value);
                if (endpoint.Groups[1].Value == "Dashboard")
                {
                    dashboard = new Uri(url.GetLeftPart(UriPartial.Authority));
                }
                else if (endpoint.Groups[1].Value == "gateway")
                {
                    gateway = url;
                }
            }
        }
        running._process.OutputDataReceived += (_, e) => OnLine(e.Data);
        running._process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();

        try
        {
            while (!resources.All(healthy.ContainsKey) || gateway is null || dashboard is null)
            {
                if (running._process.HasExited || clock.Elapsed > timeout)
                {
                    throw new InvalidOperationException(
                        $"The AppHost did not get {string.Join(", ", resources.Where(r => !healthy.ContainsKey(r)))} healthy " +
                        $"({(running._process.HasExited ? "it exited" : $"{timeout.TotalMinutes:0} minutes passed")}). Its last lines:\n" +
                        string.Join('\n', running._recentLines));
                }
                await Task.Delay(100);
            }
            running.StartedIn = clock.Elapsed;
            running.Gateway = gateway;
            running.Sandbox = await SandboxUrlAsync(dashboard, browserToken);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
        finally
        {
            ReleaseLock(ref lockFile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term!.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("The AppHost did not stop within 90 s of SIGTERM; killing its process tree.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private void Remember(string line)
    {
        _recentLines.Enqueue(line);
        while (_recentLines.Count > 40 && _recentLines.TryDequeue(out _))
        {
        }
    }

    /// <summary>The Sandbox's URL from the dashboard's resource rows (it has no external endpoint the AppHost would print).</summary>
    private static async Task<Uri> SandboxUrlAsync(Uri dashboard, string browserToken)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var http = new HttpClient(handler) { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };
        (await http.GetAsync($"/login?t={Uri.EscapeDataString(browserToken)}")).EnsureSuccessStatusCode();
        var rows = await http.GetStringAsync("/resources/rows");
        var row = rows.Split("<tr>").FirstOrDefault(r => r.Contains("href=\"/console/sandbox\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The dashboard lists no sandbox resource.");
        return SandboxEndpoint().Match(row) is { Success: true } match
            ? new Uri(match.Groups[1].Value)
            : throw new InvalidOperationException($"The dashboard's sandbox row has no http endpoint: {row}");
    }

    /// <summary>An exclusive flock on the file (what <c>flock(1)</c> takes), waited for politely.</summary>
    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        var said = false;
        while (true)
        {
            try
            {
                // On Unix, FileShare.None is an exclusive flock(2) on the descriptor.
                return File.Exists(path)
                    ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None)
                    : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!said && waited.Elapsed > TimeSpan.FromSeconds(5))
                {
                    Console.WriteLine($"waiting for the build lock {path} (another build holds it) …");
                    said = true;
                }
                await Task.Delay(1000);
            }
        }
    }

    private static void ReleaseLock(ref FileStream? lockFile) => Interlocked.Exchange(ref lockFile, null)?.Dispose();

    [GeneratedRegex(@" (\S+) is healthy \(")]
    private static partial Regex HealthyLine();

    [GeneratedRegex(@" (Dashboard|gateway): (http://\S+)")]
    private static partial Regex EndpointLine();

    [GeneratedRegex("<td class=\"urls\">.*?href=\"(http[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex SandboxEndpoint();
}
