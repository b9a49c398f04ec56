using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace KtEvents.Testing.Tests;

public class ServerFixtureTests
{
    [Fact]
    public async Task Postgres_creates_separate_databases_and_leaves_nothing_after_dispose()
    {
        var server = await PostgresServer.StartNewAsync();
        var dataDirectory = server.DataDirectory;
        Assert.True(Directory.Exists(dataDirectory));
        try
        {
            var first = await server.CreateDatabaseAsync("first_db");
            var second = await server.CreateDatabaseAsync("second_db");
            await using (var connection = new NpgsqlConnection(first))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE marker (id int); INSERT INTO marker VALUES (1);", connection);
                await create.ExecuteNonQueryAsync();
            }
            await using (var connection = new NpgsqlConnection(second))
            {
                await connection.OpenAsync();
                await using var probe = new NpgsqlCommand("SELECT to_regclass('marker') IS NULL", connection);
                Assert.True((bool)(await probe.ExecuteScalarAsync())!);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
        Assert.False(await AcceptsConnectionsAsync(server.Port));
        Assert.False(Directory.Exists(dataDirectory));
    }

    [Fact]
    public async Task Redis_restarts_on_the_same_port()
    {
        await using var redis = await RedisServer.StartNewAsync();
        Assert.Equal("+PONG", await PingAsync(redis.Port));
        await redis.StopAsync();
        Assert.False(await AcceptsConnectionsAsync(redis.Port));
        await redis.StartAsync();
        Assert.Equal("+PONG", await PingAsync(redis.Port));
    }

    [Fact]
    public async Task RabbitMq_speaks_amqp_and_stops_every_process_of_its_node()
    {
        var rabbit = await RabbitMqServer.StartNewAsync();
        Assert.StartsWith("amqp://kt:", rabbit.ConnectionString);
        var ours = ProcessesMentioning(rabbit.DataDirectory);
        Assert.NotEmpty(ours);
        await rabbit.DisposeAsync();
        Assert.False(Directory.Exists(rabbit.DataDirectory));
        Assert.False(await AcceptsConnectionsAsync(rabbit.Port));
        // The node stops at once; its watchdogs notice within their one-second poll and leave too.
        Assert.Empty(await ProcessesStillMentioningAsync(rabbit.DataDirectory));
    }

    [Fact]
    public async Task Database_names_are_checked_before_they_reach_sql()
    {
        var server = await SharedServers.PostgresAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => server.CreateDatabaseAsync("x\"; DROP DATABASE postgres; --"));
        Assert.Contains("ASCII", error.Message);
    }

    [Fact]
    public async Task A_killed_test_process_leaves_no_server_behind()
    {
        // The probe is built beside this project (same configuration and framework folders).
        var probe = Path.Combine(AppContext.BaseDirectory.Replace("KtEvents.Testing.Tests", "KtEvents.Testing.AbortProbe"), "KtEvents.Testing.AbortProbe.dll");
        Assert.True(File.Exists(probe), $"{probe} was not built");
        var info = new ProcessStartInfo("dotnet", [probe]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(line);
        var port = int.Parse(line.Split(' ')[0]);
        var dataDirectory = line.Split(' ', 2)[1];
        Assert.True(Directory.Exists(dataDirectory));
        Assert.Equal("+PONG", await PingAsync(port));

        process.Kill(); // SIGKILL: no finally, no ProcessExit handler runs in the probe.
        await process.WaitForExitAsync();

        // The watchdog polls once a second and gives the server 5 s to stop before SIGKILL.
        var stopped = false;
        for (var attempt = 0; attempt < 150 && !stopped; attempt++)
        {
            stopped = !await AcceptsConnectionsAsync(port);
            if (!stopped)
            {
                await Task.Delay(100);
            }
        }
        Assert.True(stopped, $"redis-server on port {port} outlived the killed test process");
        Assert.Empty(await ProcessesStillMentioningAsync($"--port {port} "));
        // The watchdog removes the data (and its emptied parent) once the server is gone.
        for (var attempt = 0; attempt < 100 && Directory.Exists(Path.GetDirectoryName(dataDirectory)); attempt++)
        {
            await Task.Delay(100);
        }
        Assert.False(Directory.Exists(Path.GetDirectoryName(dataDirectory)), $"{dataDirectory} outlived the killed test process");
    }

    private static async Task<List<string>> ProcessesStillMentioningAsync(string text)
    {
        var found = ProcessesMentioning(text);
        for (var attempt = 0; attempt < 50 && found.Count > 0; attempt++)
        {
            await Task.Delay(100);
            found = ProcessesMentioning(text);
        }
        return found;
    }

    private static List<string> ProcessesMentioning(string text) =>
        Directory.GetDirectories("/proc")
            .Where(dir => int.TryParse(Path.GetFileName(dir), out _))
            .Select(dir =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return "";
                }
            })
            .Where(cmdline => cmdline.Contains(text, StringComparison.Ordinal))
            .ToList();

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<string> PingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
    }
}
