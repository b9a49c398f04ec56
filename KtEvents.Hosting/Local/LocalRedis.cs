using System.Text;
using KtEvents.Hosting.Processes;

namespace KtEvents.Hosting.Local;

/// <summary>
/// <c>redis-server</c> on a loopback port. Throwaway servers keep nothing on disk; durable ones
/// append to a log in their folder, so a persistent cache survives an AppHost restart.
/// </summary>
public sealed class LocalRedis(string dataDirectory, int port, string? password, LocalServerOptions options)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ServerProcess? process;

    public int Port { get; } = port;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The server's process (group) id while it runs.</summary>
    public int? ProcessId => process?.ProcessGroupId;

    public bool IsRunning => process is { HasExited: false };

    /// <summary>In the form Aspire gives services (<c>ConnectionStrings__cache</c>).</summary>
    public string ConnectionString => password is null ? $"127.0.0.1:{Port}" : $"127.0.0.1:{Port},password={password}";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }
        Directory.CreateDirectory(DataDirectory);
        List<string> args =
        [
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", DataDirectory, "--daemonize", "no",
            "--save", "", "--appendonly", options.Durable ? "yes" : "no",
        ];
        if (password is null)
        {
            args.AddRange(["--protected-mode", "no"]);
        }
        else
        {
            // A config on stdin keeps the password off the process list.
            args.Insert(0, "-");
        }
        process = ServerProcess.Start(new ServerStartInfo(Binaries.Require("redis-server", "redis-server"), args, DataDirectory)
        {
            LogPath = Path.Combine(DataDirectory, "redis.log"),
            RemoveOnOrphan = options.RemoveOnOrphan,
            OnOutput = options.OnOutput,
            StandardInput = password is null ? null : $"requirepass \"{password}\"\n",
        });
        await TcpProbe.WaitAsync("redis-server", process, StartTimeout, IsServingAsync, cancellationToken);
    }

    /// <summary>True when the server answers PING (after AUTH when it has a password).</summary>
    public async Task<bool> IsServingAsync(CancellationToken cancellationToken)
    {
        var auth = password is null ? "" : $"AUTH {password}\r\n";
        var expected = (password is null ? "" : "+OK\r\n") + "+PONG\r\n";
        var answer = await TcpProbe.ExchangeAsync(Port, Encoding.ASCII.GetBytes(auth + "PING\r\n"), expected.Length, cancellationToken);
        return Encoding.ASCII.GetString(answer) == expected;
    }

    public async Task StopAsync()
    {
        if (process is { } running)
        {
            process = null;
            await running.StopAsync(TimeSpan.FromSeconds(5));
        }
    }
}
