using System.Diagnostics;
using System.Text;

namespace KtEvents.Testing;

/// <summary>
/// Runs Node.js peers that a test ships in a folder of its own (package.json + committed
/// package-lock.json + scripts): <c>npm ci</c> once when node_modules is missing, serialized across
/// the tests of the process, then <c>node script args…</c> with a time limit. Node is required:
/// without it these tests fail with what to install; they are never skipped.
/// </summary>
public static class NodeScripts
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task EnsureInstalledAsync(string directory)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(directory, "node_modules")))
            {
                return;
            }
            var (exitCode, output) = await RunAsync(directory, "npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {directory} failed ({exitCode}):\n{output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a script to its end; returns its exit code and what it printed (stdout, then stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunScriptAsync(string directory, string script, params string[] arguments)
    {
        await EnsureInstalledAsync(directory);
        return await RunAsync(directory, NodePath(), [Path.Combine(directory, script), .. arguments], TimeSpan.FromMinutes(1));
    }

    /// <summary>Starts a long-running script (a server peer) with stdin, stdout and stderr redirected.</summary>
    public static Process StartScript(string directory, string script, params string[] arguments)
    {
        var start = StartInfo(directory, NodePath(), [Path.Combine(directory, script), .. arguments]);
        start.RedirectStandardInput = true;
        return Process.Start(start) ?? throw new InvalidOperationException($"node {script} did not start.");
    }

    public static string NodePath() =>
        new[] { "/usr/bin/node", "/usr/local/bin/node" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, "node")))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Node.js was not found at /usr/bin/node or on PATH. Install it with: apt-get install -y nodejs npm");

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string fileName, string[] arguments, TimeSpan limit)
    {
        using var process = Process.Start(StartInfo(directory, fileName, arguments)) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo StartInfo(string directory, string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }
}
