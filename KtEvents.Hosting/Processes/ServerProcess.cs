using System.Diagnostics;

namespace KtEvents.Hosting.Processes;

/// <summary>
/// One server process, started in a session of its own (<c>setsid</c>) so that stopping it signals
/// its whole process group, run as a service user when the owner runs as root (<c>setpriv</c>), and
/// guarded by a watchdog shell that kills the group (and removes its throwaway data) if the owner
/// dies without cleaning up: an aborted test run, a crashed test host, an AppHost killed with -9.
/// The test fixture and the AppHost both start everything through it.
/// </summary>
public sealed class ServerProcess
{
    private const int OutputLines = 60;

    private readonly Process process;
    private readonly Queue<string> recentOutput = new();
    private readonly StreamWriter? log;
    private readonly Action<string, bool>? onOutput;
    private bool stopped;
    private int? exitCode;

    private ServerProcess(Process process, StreamWriter? log, Action<string, bool>? onOutput)
    {
        this.process = process;
        this.log = log;
        this.onOutput = onOutput;
    }

    public int ProcessGroupId => process.Id;

    public bool HasExited
    {
        get
        {
            lock (recentOutput)
            {
                return stopped || process.HasExited;
            }
        }
    }

    /// <summary>The exit code once the process has exited (the group leader's, which is the program itself).</summary>
    public int? ExitCode
    {
        get
        {
            lock (recentOutput)
            {
                return stopped ? exitCode : process.HasExited ? process.ExitCode : null;
            }
        }
    }

    /// <summary>Completes when the program exits, whoever stopped it.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => process.WaitForExitAsync(cancellationToken);

    public string RecentOutput
    {
        get
        {
            lock (recentOutput)
            {
                return string.Join('\n', recentOutput);
            }
        }
    }

    public static ServerProcess Start(ServerStartInfo start)
    {
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory,
        };
        foreach (var arg in Commands.AsUser(start.RunAsUser))
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add(start.FileName);
        foreach (var arg in start.Arguments)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in start.Environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var log = start.LogPath is null ? null : new StreamWriter(start.LogPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, log, start.OnOutput);
        process.OutputDataReceived += (_, e) => server.Record(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data, isError: true);
        if (!process.Start())
        {
            throw new InfrastructureUnavailableException($"Could not start {start.FileName}.");
        }
        if (start.StandardInput is { } input)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        StartWatchdog(process.Id, start.RemoveOnOrphan);
        return server;
    }

    /// <summary>
    /// Runs a command that ends by itself (a build, <c>npm ci</c>) in its own group, so that
    /// cancelling it takes its children down too; returns its exit code and last lines of output.
    /// </summary>
    public static async Task<(int ExitCode, string RecentOutput)> RunToEndAsync(ServerStartInfo start, CancellationToken cancellationToken)
    {
        var command = Start(start);
        try
        {
            await command.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            await command.StopAsync(TimeSpan.FromSeconds(5));
        }
        return (command.ExitCode ?? -1, command.RecentOutput);
    }

    /// <summary>SIGTERM to the group, then SIGKILL after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        NativeMethods.Kill(-ProcessGroupId, NativeMethods.SigTerm);
        using (var timeout = new CancellationTokenSource(grace))
        {
            while (NativeMethods.GroupAlive(ProcessGroupId) && !timeout.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
        if (NativeMethods.GroupAlive(ProcessGroupId))
        {
            NativeMethods.Kill(-ProcessGroupId, NativeMethods.SigKill);
        }
        await process.WaitForExitAsync();
        lock (recentOutput)
        {
            exitCode = process.ExitCode;
            process.Dispose();
            stopped = true;
            log?.Dispose();
        }
    }

    private void Record(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }
        lock (recentOutput)
        {
            if (stopped)
            {
                return;
            }
            log?.WriteLine(line);
            onOutput?.Invoke(line, isError);
            recentOutput.Enqueue(line);
            if (recentOutput.Count > OutputLines)
            {
                recentOutput.Dequeue();
            }
        }
    }

    private static void StartWatchdog(int processGroupId, string? removeOnOrphan)
    {
        var cleanup = removeOnOrphan is null
            ? ""
            : $"""rm -rf '{removeOnOrphan}'; rmdir "$(dirname '{removeOnOrphan}')" 2>/dev/null""";
        // Polls once a second; leaves quietly when the server's group is gone (a normal stop).
        var script = $"""
            while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 -- -{processGroupId} 2>/dev/null; do sleep 1; done
            if ! kill -0 {Environment.ProcessId} 2>/dev/null; then
              kill -TERM -- -{processGroupId} 2>/dev/null; sleep 5; kill -KILL -- -{processGroupId} 2>/dev/null
              {cleanup}
            fi
            """;
        var info = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "bash", "-c", script })
        {
            info.ArgumentList.Add(arg);
        }
        Process.Start(info)?.Dispose();
    }
}
