using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using KtEvents.Caching;
using KtEvents.Testing;

/// <summary>
/// KtEvents.Caching's RESP client against redis-benchmark (Debian's redis-tools), on one throwaway
/// redis-server, in one run: GET and SET by 50 concurrent callers, first each awaiting every command
/// (no pipelining on redis-benchmark's side; our callers still share one connection, which is the
/// design), then in batches of 16. Every phase is bounded in requests and in time. Prints ops/s and
/// the ratio ours / redis-benchmark; asserts nothing.
/// Options: --requests N (200000), --clients N (50), --seconds N (60, per phase).
/// </summary>
internal static partial class RespBenchmark
{
    private const int Pipeline = 16;
    private const string Key = "key:__rand_int__"; // redis-benchmark's key without -r
    private const string Value = "xxx";            // redis-benchmark's default 3-byte value

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 200_000);
        var clients = Option(args, "--clients", 50);
        var limit = TimeSpan.FromSeconds(Option(args, "--seconds", 60));

        await using var server = await RedisServer.StartNewAsync();
        Console.WriteLine($"redis-server {server.ConnectionString}; {clients} callers, {requests:N0} requests per phase, at most {limit.TotalSeconds:F0} s each");

        var theirs = new Dictionary<(string, int), double>();
        foreach (var pipeline in new[] { 1, Pipeline })
        {
            foreach (var (operation, opsPerSecond) in await RedisBenchmarkAsync(server.Port, clients, requests, pipeline, limit))
            {
                theirs[(operation, pipeline)] = opsPerSecond;
            }
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        await db.StringSetAsync(Key, Value);
        await MeasureAsync(db, "SET", clients, 20_000, 1, limit); // warm-up: JIT, thread pool
        await MeasureAsync(db, "GET", clients, 20_000, Pipeline, limit);

        Console.WriteLine();
        Console.WriteLine($"{"phase",-24}{"redis-benchmark",18}{"KtEvents.Caching",18}{"ours/theirs",14}");
        foreach (var pipeline in new[] { 1, Pipeline })
        {
            foreach (var operation in new[] { "SET", "GET" })
            {
                var ours = await MeasureAsync(db, operation, clients, requests, pipeline, limit);
                var reference = theirs.GetValueOrDefault((operation, pipeline));
                var phase = pipeline == 1 ? $"{operation}, no pipelining" : $"{operation}, pipeline {pipeline}";
                var ratio = reference > 0 ? (ours / reference).ToString("F2", CultureInfo.InvariantCulture) : "n/a";
                Console.WriteLine($"{phase,-24}{reference,18:N0}{ours,18:N0}{ratio,14}");
            }
        }
        return 0;
    }

    /// <summary>
    /// <paramref name="clients"/> callers share <paramref name="requests"/> commands; each issues
    /// <paramref name="pipeline"/> commands and awaits them all before the next batch. Returns ops/s.
    /// </summary>
    private static async Task<double> MeasureAsync(IDatabase db, string operation, int clients, int requests, int pipeline, TimeSpan limit)
    {
        var remaining = requests;
        var completed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();

        async Task CallerAsync()
        {
            var batch = new Task[pipeline];
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var claimed = Math.Min(pipeline, Interlocked.Add(ref remaining, -pipeline) + pipeline);
                if (claimed <= 0)
                {
                    return;
                }
                for (var i = 0; i < claimed; i++)
                {
                    batch[i] = operation == "SET" ? db.StringSetAsync(Key, Value) : db.StringGetAsync(Key);
                }
                for (var i = 0; i < claimed; i++)
                {
                    await batch[i];
                }
                Interlocked.Add(ref completed, claimed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(CallerAsync)));
        return completed / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<List<(string Operation, double OpsPerSecond)>> RedisBenchmarkAsync(
        int port, int clients, int requests, int pipeline, TimeSpan limit)
    {
        var arguments = new List<string> { "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "get,set",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture), "-q" };
        if (pipeline > 1)
        {
            arguments.AddRange(["-P", pipeline.ToString(CultureInfo.InvariantCulture)]);
        }
        Console.WriteLine($"$ redis-benchmark {string.Join(' ', arguments)}");

        var start = new ProcessStartInfo("redis-benchmark", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit * 2); // two tests, each bounded like ours
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Console.WriteLine("  redis-benchmark exceeded its time bound and was stopped.");
        }

        var results = new List<(string, double)>();
        foreach (Match match in ResultLine().Matches(await output))
        {
            var opsPerSecond = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            results.Add((match.Groups[1].Value, opsPerSecond));
            Console.WriteLine($"  {match.Groups[1].Value}: {opsPerSecond:N0} requests per second");
        }
        if (results.Count == 0)
        {
            Console.WriteLine($"  no result parsed: {await errors}");
        }
        return results;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    // "SET: 109409.19 requests per second, p50=0.239 msec" (progress lines before it end in '\r').
    [GeneratedRegex(@"(SET|GET): ([0-9.]+) requests per second")]
    private static partial Regex ResultLine();
}
