using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// Issue #5, the AI recommendation through the real system: KtEvents.AppHost runs as its own process
/// (fresh data folder, so every cache starts empty) and the benchmark drives the gateway as a browser
/// does — owners sign up, open drafts and ask for plans — while the Sandbox's Claude double answers
/// the trends call after 3 s and the plans call after 6 s (its scenario for the development key).
/// Phases, each on stores no earlier phase used:
/// <list type="number">
/// <item>warm-up: one request, not counted (the services' first calls pay for JIT and connections);</item>
/// <item>one cold request alone: end to end against the two calls' own times (metadata.stages),
/// total / (trends + plans) ≈ 0.67 when the calls run side by side, 1.0 when one follows the other;</item>
/// <item>--owners owners at once, each with a store of its own (industry × region), so every level of
/// the Ai cache misses;</item>
/// <item>--owners owners at once with the same store and purpose, and how many calls the double received;</item>
/// <item>--hits requests one after another asking again (<c>refresh</c>) for replies already cached;</item>
/// <item>a second AppHost with <c>--AppHost:Claude=none</c>: the Ai service has no key and its data
/// engine answers alone; --data cold requests one after another, each with a store of its own.</item>
/// </list>
/// Every reply's metadata (engine, cacheHit) is checked against what the phase means to measure, and
/// the table says how many were as claimed. The time between the phases' sign-ups (the gateway allows
/// 30 a minute per address) is never inside a figure. Prints; asserts nothing.
/// Options: --owners N (20), --hits N (100), --data N (40), --build-lock PATH (hold that flock while
/// each AppHost builds the services, as this shared machine's builds do).
/// </summary>
internal static class AiBenchmark
{
    private const string SandboxApiKey = "sandbox-development-key";
    private const int TrendsLatencyMs = 3000;
    private const int PlansLatencyMs = 6000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var owners = Option(args, "--owners", 20);
        var hits = Option(args, "--hits", 100);
        var dataRequests = Option(args, "--data", 40);
        var buildLock = args.SkipWhile(a => a != "--build-lock").Skip(1).FirstOrDefault();
        if (owners + 3 > BenchStore.DistinctCount || dataRequests + 1 > BenchStore.DistinctCount)
        {
            Console.Error.WriteLine($"--owners may be at most {BenchStore.DistinctCount - 3} and --data at most {BenchStore.DistinctCount - 1}.");
            return 2;
        }

        var repository = FindRepository();
        var rows = new List<Row>();
        Console.WriteLine($"AI recommendation benchmark (issue #5), {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        await ClaudePhasesAsync(repository, buildLock, owners, hits, rows);
        await DataEnginePhaseAsync(repository, buildLock, dataRequests, rows);
        PrintTable(rows);
        return 0;
    }

    private static async Task ClaudePhasesAsync(string repository, string? buildLock, int owners, int hits, List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine("== Run 1: the AppHost as developers run it (Ai → the Sandbox's Claude double) ==");
        await using var app = await RunningAppHost.StartAsync(repository, [], ["gateway", "event", "ai", "sandbox"], buildLock, StartTimeout);
        Console.WriteLine($"healthy after {app.StartedIn.TotalSeconds:0.0} s; gateway {app.Gateway}, sandbox {app.Sandbox}");

        using var sandbox = new HttpClient { BaseAddress = app.Sandbox, Timeout = TimeSpan.FromSeconds(30) };
        using (var scenario = await sandbox.PutAsJsonAsync(
            $"/sandbox/claude/scenarios/{SandboxApiKey}",
            new { trends = new { latencyMs = TrendsLatencyMs }, plans = new { latencyMs = PlansLatencyMs } }))
        {
            scenario.EnsureSuccessStatusCode();
        }
        Console.WriteLine($"Claude double: trends call {TrendsLatencyMs} ms, plans call {PlansLatencyMs} ms");

        using var gateway = new BenchGateway(app.Gateway);
        var stores = BenchStore.Distinct(owners + 3);
        var preparing = Stopwatch.StartNew();
        var warmUp = await PrepareAsync(gateway, stores[0], 0);
        var alone = await PrepareAsync(gateway, stores[1], 1);
        var distinct = new List<Draft>();
        for (var i = 0; i < owners; i++)
        {
            distinct.Add(await PrepareAsync(gateway, stores[3 + i], 3 + i));
        }
        var identical = new List<Draft>();
        for (var i = 0; i < owners; i++)
        {
            identical.Add(await PrepareAsync(gateway, stores[2], 100 + i));
        }
        Console.WriteLine($"{2 + (2 * owners)} owners signed up with drafts in {preparing.Elapsed.TotalSeconds:0} s " +
            $"({gateway.RateLimitWaits.TotalSeconds:0} s of it waiting out the sign-up rate limit)");

        var first = await gateway.RecommendAsync(warmUp.AccessToken, warmUp.EventId, refresh: false);
        Console.WriteLine($"warm-up (not counted): {Latencies.Format(first.Milliseconds)}, engine {first.Engine}");

        // One cold request alone: how much of the two calls' time the request pays.
        var single = await gateway.RecommendAsync(alone.AccessToken, alone.EventId, refresh: false);
        rows.Add(new Row("cold, one request alone", [single], "p95 ≤ 10 s", a => a.Is("claude", cacheHit: false), a => a.Milliseconds));
        PrintRatio(single);

        var cold = await AllAtOnceAsync(gateway, distinct, refresh: false);
        rows.Add(new Row($"cold, {owners} owners at once, distinct stores", cold, "p95 ≤ 10 s", a => a.Is("claude", cacheHit: false), a => a.Milliseconds));
        var answeredByClaude = cold.Where(a => a.Is("claude", cacheHit: false)).ToList();
        rows.Add(new Row("  of which Claude answered", answeredByClaude, "p95 ≤ 10 s", a => a.Is("claude", cacheHit: false), a => a.Milliseconds));
        Console.WriteLine($"cold at once, engines: {Tally(cold)}; total / (trends + plans) of the Claude answers: median " +
            $"{Median(answeredByClaude.Select(Ratio)):0.00}");

        var callsBefore = await ClaudeCallsAsync(sandbox);
        var shared = await AllAtOnceAsync(gateway, identical, refresh: false);
        var callsAfter = await ClaudeCallsAsync(sandbox);
        rows.Add(new Row($"cold, {owners} owners at once, one store", shared, "p95 ≤ 10 s", a => a.Is("claude", cacheHit: false), a => a.Milliseconds));
        var trendsCalls = callsAfter.Trends - callsBefore.Trends;
        var plansCalls = callsAfter.Plans - callsBefore.Plans;
        Console.WriteLine($"{owners} identical cold requests at once: the double received {trendsCalls} trends and {plansCalls} plans " +
            $"call(s) (other {callsAfter.Other - callsBefore.Other}) = {Math.Max(trendsCalls, plansCalls)} Claude round(s); engines: {Tally(shared)}");

        // Ask again for replies the Ai cache holds: only Claude's whole answers are cached.
        var cached = distinct.Zip(cold).Where(p => p.Second.Is("claude", cacheHit: false)).Select(p => p.First)
            .Concat(identical.Zip(shared).Where(p => p.Second.Engine == "claude").Select(p => p.First))
            .ToList();
        var again = new List<RecommendationAnswer>();
        for (var i = 0; i < hits && cached.Count > 0; i++)
        {
            var draft = cached[i % cached.Count];
            again.Add(await gateway.RecommendAsync(draft.AccessToken, draft.EventId, refresh: true));
        }
        rows.Add(new Row("cache hit, end to end (gateway)", again, "p95 ≤ 50 ms", a => a.Is("claude", cacheHit: true), a => a.Milliseconds));
        rows.Add(new Row("cache hit, Ai's cache lookup (stage)", again, "", a => a.Is("claude", cacheHit: true), a => a.Stage("cache")));
        Console.WriteLine($"cache hits: {again.Count} requests one after another over {cached.Count} cached replies; engines: {Tally(again)}");
    }

    private static async Task DataEnginePhaseAsync(string repository, string? buildLock, int requests, List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine("== Run 2: --AppHost:Claude=none (the Ai service has no Claude key: its data engine answers alone) ==");
        await using var app = await RunningAppHost.StartAsync(repository, ["--AppHost:Claude=none"], ["gateway", "event", "ai"], buildLock, StartTimeout);
        Console.WriteLine($"healthy after {app.StartedIn.TotalSeconds:0.0} s; gateway {app.Gateway}");

        using var gateway = new BenchGateway(app.Gateway);
        var stores = BenchStore.Distinct(requests + 1);
        var drafts = new List<Draft>();
        for (var i = 0; i < stores.Count; i++)
        {
            drafts.Add(await PrepareAsync(gateway, stores[i], i));
        }
        Console.WriteLine($"{drafts.Count} owners signed up with drafts ({gateway.RateLimitWaits.TotalSeconds:0} s waiting out the sign-up rate limit)");

        var first = await gateway.RecommendAsync(drafts[0].AccessToken, drafts[0].EventId, refresh: false);
        Console.WriteLine($"warm-up (not counted): {Latencies.Format(first.Milliseconds)}, engine {first.Engine}");
        var answers = new List<RecommendationAnswer>();
        foreach (var draft in drafts.Skip(1))
        {
            answers.Add(await gateway.RecommendAsync(draft.AccessToken, draft.EventId, refresh: false));
        }
        rows.Add(new Row("data engine only, cold, end to end", answers, "p95 ≤ 300 ms", a => a.Is("data", cacheHit: false), a => a.Milliseconds));
        rows.Add(new Row("data engine only, Ai's stages", answers, "", a => a.Is("data", cacheHit: false), a => a.AiMilliseconds));
        Console.WriteLine($"data engine: {answers.Count} cold requests one after another; engines: {Tally(answers)}");
    }

    private static async Task<Draft> PrepareAsync(BenchGateway gateway, BenchStore store, int number)
    {
        var token = await gateway.RegisterAsync(store, number);
        return new Draft(token, await gateway.CreateDraftAsync(token, store.Purpose));
    }

    /// <summary>Every draft asks at the same moment (released together once all are ready to send).</summary>
    private static async Task<List<RecommendationAnswer>> AllAtOnceAsync(BenchGateway gateway, IReadOnlyList<Draft> drafts, bool refresh)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = drafts.Select(async d =>
        {
            await go.Task;
            return await gateway.RecommendAsync(d.AccessToken, d.EventId, refresh);
        }).ToList();
        go.SetResult();
        return [.. await Task.WhenAll(asking)];
    }

    private static async Task<ClaudeCalls> ClaudeCallsAsync(HttpClient sandbox) =>
        (await sandbox.GetFromJsonAsync<ClaudeCalls>($"/sandbox/claude/calls/{SandboxApiKey}", JsonSerializerOptions.Web))!;

    private static void PrintRatio(RecommendationAnswer single)
    {
        var trends = single.Stage("claude.trends");
        var plans = single.Stage("claude.plans");
        Console.WriteLine($"one cold request alone: engine {single.Engine}, cacheHit {single.CacheHit}; stages " +
            string.Join(", ", single.Stages.Select(s => $"{s.Key} {s.Value} ms")));
        Console.WriteLine($"ratio total / (trends + plans) = {single.Milliseconds:0} ms / ({trends} ms + {plans} ms = {trends + plans} ms) = " +
            $"{Ratio(single):0.00}  (side by side: {(double)Math.Max(trends, plans) / Math.Max(1, trends + plans):0.00}; one after the other: 1.00)");
        Console.WriteLine($"  the Ai service's own time by its stages: {single.AiMilliseconds} ms; " +
            $"end to end beyond the slower call: {single.Milliseconds - Math.Max(trends, plans):0} ms (gateway → Event → Ai hops, SQL, validation, saving)");
    }

    private static double Ratio(RecommendationAnswer answer) =>
        answer.Milliseconds / Math.Max(1, answer.Stage("claude.trends") + answer.Stage("claude.plans"));

    private static double Median(IEnumerable<double> values) => new Latencies(values).Percentile(50);

    private static string Tally(IEnumerable<RecommendationAnswer> answers) =>
        string.Join(", ", answers.GroupBy(a => $"{a.Engine}{(a.CacheHit ? " (cache hit)" : "")}").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));

    private static void PrintTable(List<Row> rows)
    {
        Console.WriteLine();
        var width = rows.Max(r => r.Phase.Length) + 2;
        Console.WriteLine($"{"phase".PadRight(width)}{"n",5}{"p50",10}{"p95",10}{"p99",10}{"max",10}  {"target",-13}as claimed");
        foreach (var row in rows)
        {
            var times = new Latencies(row.Answers.Select(row.Measure));
            var claimed = row.Answers.Count(row.AsClaimed);
            Console.WriteLine(
                $"{row.Phase.PadRight(width)}{times.Count,5}{Latencies.Format(times.Percentile(50)),10}{Latencies.Format(times.Percentile(95)),10}" +
                $"{Latencies.Format(times.Percentile(99)),10}{Latencies.Format(times.Max),10}  {row.Target,-13}" +
                $"{claimed}/{row.Answers.Count}{(claimed < row.Answers.Count ? $" ({row.Answers.Count - claimed} not)" : "")}");
        }
        Console.WriteLine("as claimed: the reply's metadata says what the phase measures (cold: engine claude, cacheHit false; " +
            "cache hit: engine claude, cacheHit true; data engine: engine data, cacheHit false). Percentiles are nearest-rank.");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

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

    private sealed record Draft(string AccessToken, string EventId);

    private sealed record ClaudeCalls(int Trends, int Plans, int Other);

    private sealed record Row(
        string Phase, IReadOnlyList<RecommendationAnswer> Answers, string Target,
        Func<RecommendationAnswer, bool> AsClaimed, Func<RecommendationAnswer, double> Measure);
}
