using System.Diagnostics;

namespace KtEvents.Testing.Servers;

/// <summary>
/// One server process, started in a session of its own (<c>setsid</c>) so that stopping it signals
/// its whole process group, run as a service user when the tests run as root (<c>setpriv</c>), and
/// guarded by a watchdog shell that kills the group and removes its data folder if the test process
/// dies without cleaning up (an aborted run, a crashed test host).
/// </summary>
internal sealed class ServerProcess
{
    private const int OutputLines = 60;

    private readonly Process process;
    private readonly Queue<string> recentOutput = new();
    private readonly StreamWriter log;

    private ServerProcess(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

    public int ProcessGroupId => process.Id;

    public bool HasExited => process.HasExited;

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
            WorkingDirectory = start.DataDirectory,
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

        var log = new StreamWriter(start.LogPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, log);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        if (!process.Start())
        {
            throw new InfrastructureUnavailableException($"Could not start {start.FileName}.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        StartWatchdog(process.Id, start.DataDirectory);
        return server;
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
        process.Dispose();
        lock (recentOutput)
        {
            log.Dispose();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (recentOutput)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            recentOutput.Enqueue(line);
            if (recentOutput.Count > OutputLines)
            {
                recentOutput.Dequeue();
            }
        }
    }

    private static void StartWatchdog(int processGroupId, string dataDirectory)
    {
        // Polls once a second; leaves quietly when the server's group is gone (a normal stop).
        var script = $"""
            while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 -- -{processGroupId} 2>/dev/null; do sleep 1; done
            if ! kill -0 {Environment.ProcessId} 2>/dev/null; then
              kill -TERM -- -{processGroupId} 2>/dev/null; sleep 5; kill -KILL -- -{processGroupId} 2>/dev/null
              rm -rf '{dataDirectory}'; rmdir "$(dirname '{dataDirectory}')" 2>/dev/null
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
