using System.Diagnostics;
using System.Text;

namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>
/// Runs the @grpc/grpc-js peers in the output folder's <c>interop/</c>. Installs their packages with
/// <c>npm ci</c> (from the committed package-lock.json) the first time, once even when tests run in
/// parallel. Node is required: without it the interop tests fail, they are never skipped.
/// </summary>
public static class NodeInterop
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "interop");

    public static string ProtoPath { get; } = Path.Combine(Directory, "testing.proto");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (IsInstalled())
            {
                return;
            }

            var (exitCode, output) = await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0 && IsInstalled(), $"npm ci in {Directory} failed ({exitCode}):\n{output}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a node script to its end and returns its stdout; a non-zero exit fails the test.</summary>
    public static async Task<string> RunScriptAsync(string script, params string[] arguments)
    {
        var (exitCode, output) = await RunToEndAsync(NodePath(), [Path.Combine(Directory, script), .. arguments], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Starts a long-running node script; it ends when the returned process's stdin closes.</summary>
    public static Process StartScript(string script, params string[] arguments)
    {
        var start = StartInfo(NodePath(), [Path.Combine(Directory, script), .. arguments]);
        start.RedirectStandardInput = true;
        return Process.Start(start) ?? throw new InvalidOperationException($"node {script} did not start.");
    }

    private static bool IsInstalled() =>
        File.Exists(Path.Combine(Directory, "node_modules", "@grpc", "grpc-js", "package.json"))
        && File.Exists(Path.Combine(Directory, "node_modules", "@grpc", "proto-loader", "package.json"));

    private static string NodePath()
    {
        var candidates = new[] { "/usr/bin/node", "/usr/local/bin/node" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "node")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Node.js is required for the gRPC interop tests (@grpc/grpc-js) but was not found at /usr/bin/node or on PATH. Install nodejs.");
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string fileName, string[] arguments, TimeSpan limit)
    {
        using var process = Process.Start(StartInfo(fileName, arguments))
            ?? throw new InvalidOperationException($"{fileName} did not start.");
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

    private static ProcessStartInfo StartInfo(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
