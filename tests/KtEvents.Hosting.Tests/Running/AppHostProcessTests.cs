using System.Diagnostics;
using System.Text.Json;
using KtEvents.Hosting.Tests.Publishing;

namespace KtEvents.Hosting.Tests.Running;

/// <summary>The real KtEvents.AppHost, run as its own process the way a developer or operator runs it.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostProcessTests
{
    private static readonly string AppHostAssembly = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("tests", "KtEvents.Hosting.Tests"), "KtEvents.AppHost"), "KtEvents.AppHost.dll");

    [Fact]
    public async Task The_publisher_option_writes_a_manifest_that_validates_and_describes_the_servers()
    {
        var output = Path.Combine(SampleApp.NewDataDirectory(), "aspire-manifest.json");
        try
        {
            using var process = Start("--publisher", "manifest", "--output-path", output);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(process.ExitCode == 0, await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync());

            var check = await SchemaCheck.ValidateAsync(output);
            Assert.True(check.Valid, check.Errors);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            var resources = manifest.RootElement.GetProperty("resources");
            Assert.Equal("container.v0", resources.GetProperty("postgres").GetProperty("type").GetString());
            Assert.Equal("{postgres.connectionString};Database=eventdb", resources.GetProperty("eventdb").GetProperty("connectionString").GetString());
            Assert.Equal("value.v0", resources.GetProperty("eventdb").GetProperty("type").GetString());
            Assert.True(resources.GetProperty("anthropic-api-key").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
            Assert.Equal("{anthropic-api-key.value}", resources.GetProperty("ai").GetProperty("env").GetProperty("Claude__ApiKey").GetString());
            Assert.False(resources.TryGetProperty("sandbox", out _), "The Sandbox is a development double; it is not deployed.");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_stops_every_server_it_started_and_the_apphost_exits_cleanly()
    {
        var dataDirectory = SampleApp.NewDataDirectory();
        try
        {
            using var process = Start($"--AppHost:DataDirectory={dataDirectory}", "--AppHost:DashboardUrl=http://localhost:0");
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var healthy = new TaskCompletionSource();
            var dashboardLine = new TaskCompletionSource<string>();
            var expected = new[] { "postgres", "userdb", "analyticsdb", "cache", "messaging" };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not { } line)
                {
                    return;
                }
                log.Enqueue(line);
                if (line.Contains("Dashboard: http://localhost:", StringComparison.Ordinal))
                {
                    dashboardLine.TrySetResult(line);
                }
                if (expected.All(name => log.Any(l => l.Contains($" {name} is healthy", StringComparison.Ordinal))))
                {
                    healthy.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var startup = await dashboardLine.Task.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Matches("login\\?t=[0-9a-f]{32}", startup);
            await healthy.Task.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.NotEmpty(SampleApp.ProcessesMentioning(dataDirectory));

            Processes.NativeMethods.Kill(process.Id, Processes.NativeMethods.SigTerm);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.True(process.ExitCode == 0, string.Join('\n', log));
            Assert.Empty(SampleApp.ProcessesMentioning(dataDirectory));
            // Persistent servers keep their data for the next run; nothing of the session is left.
            Assert.True(File.Exists(Path.Combine(dataDirectory, "data", "postgres", "data", "PG_VERSION")));
            Assert.False(Directory.Exists(Path.Combine(dataDirectory, "run", process.Id.ToString())));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Process Start(params string[] args)
    {
        Assert.True(File.Exists(AppHostAssembly), $"{AppHostAssembly} was not built");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(AppHostAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
