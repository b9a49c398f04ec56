using System.Diagnostics;
using System.Text.Json;

using KtEvents.Ai.Model;
using KtEvents.Ai.Recommendations;
using KtEvents.Ai.Telemetry;
using KtEvents.Contracts.Ai.V1;

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace KtEvents.Ai.Claude;

/// <summary>
/// The Claude engine (ARCHITECTURE.md §6): the SQL figures first, then two Claude calls at once under
/// one budget — the three trend narratives, and the six plans as a forced tool call — each with its
/// own timeout. The plans are checked slot by slot; if any are broken and time remains, Claude gets
/// one repair call with the problems listed. Whatever is still missing or broken the data engine
/// fills: a section's narrative, a slot's plan, or (when the mix would break the ROI order) a whole
/// online or offline row. The reply says "claude" when all of it is Claude's, "mixed" when some is,
/// "data" when none is, and <see cref="EngineRecommendation.FallbackReason"/> says why. The trends are
/// final once the narratives are checked, so they are handed out then, before the plans are in.
/// The figures are always ours: Claude writes words around them.
/// </summary>
public sealed partial class ClaudeRecommendationEngine(
    DataRecommendationEngine dataEngine,
    TrendAnalyzer trendAnalyzer,
    SimilarCaseFinder similarCases,
    PlanComposer composer,
    ClaudeChatClientFactory chatClients,
    ClaudeLimiter limiter,
    IOptions<ClaudeOptions> options,
    ILogger<ClaudeRecommendationEngine> logger) : IRecommendationEngine
{
    public const string EngineName = "claude";
    public const string MixedEngineName = "mixed";

    /// <summary>Industry, region, season.</summary>
    private const int NarrativeCount = 3;

    public string Name => EngineName;

    public async Task<EngineRecommendation> RecommendAsync(RecommendationInput input, Action<Trends>? trendsReady, CancellationToken cancellationToken)
    {
        AiTelemetry.ClaudeRequests.Add(1);
        using var admission = limiter.TryEnter();
        if (!admission.Admitted)
        {
            return await FallBackEntirelyAsync(input, admission.RefusedBecause!, trendsReady, cancellationToken);
        }

        var settings = options.Value;
        // The budget covers the whole request, SQL included; the SQL itself runs on the caller's token
        // because a figure half-read is no use to anyone.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Budget);
        var stages = new List<StageTiming>();

        var stopwatch = Stopwatch.StartNew();
        Trends trends;
        Dictionary<string, List<SimilarCase>> similar;
        using (AiTelemetry.Source.StartActivity("ai.sql"))
        {
            var trendsTask = TracedAsync("ai.sql.trends", () => trendAnalyzer.AnalyzeAsync(input, cancellationToken));
            var similarTask = TracedAsync("ai.sql.similar_cases", () => similarCases.FindAsync(input, cancellationToken));
            (trends, _) = await trendsTask;
            similar = await similarTask;
        }
        stages.Add(Stage("sql", stopwatch.Elapsed));

        using var chat = chatClients.Create();
        List<ChatMessage> trendsConversation = [new(ChatRole.System, ClaudePrompts.System), new(ChatRole.User, ClaudePrompts.Trends(input, trends))];
        List<ChatMessage> plansConversation = [new(ChatRole.System, ClaudePrompts.System), new(ChatRole.User, ClaudePrompts.Plans(input, similar))];
        var trendsCallTask = CallAsync(chat, ClaudeTools.TrendNarrativesTool, trendsConversation, budget.Token, cancellationToken);
        var plansCallTask = CallAsync(chat, ClaudeTools.EventPlansTool, plansConversation, budget.Token, cancellationToken);

        // The narratives are the shorter answer: the trends are final as soon as they are checked,
        // and go out while Claude is still writing the plans.
        var trendsCall = await trendsCallTask;
        stopwatch.Restart();
        WrittenTrends written;
        using (AiTelemetry.Source.StartActivity("ai.validation.trends"))
        {
            written = WriteNarratives(trends, ReviewNarratives(trendsCall));
        }
        var validation = stopwatch.Elapsed;
        trendsReady?.Invoke(written.Trends);

        var plansCall = await plansCallTask;
        var calls = new List<ClaudeCall> { trendsCall, plansCall };
        stages.Add(Stage("claude.trends", trendsCall.Elapsed));
        stages.Add(Stage("claude.plans", plansCall.Elapsed));

        stopwatch.Restart();
        PlanReview review;
        using (AiTelemetry.Source.StartActivity("ai.validation.plans"))
        {
            review = ReviewPlans(plansCall);
        }
        stages.Add(Stage("validation", validation + stopwatch.Elapsed));

        if (review.Problems.Count > 0 && calls[1].Repairable && !budget.IsCancellationRequested)
        {
            stopwatch.Restart();
            using var repairSpan = AiTelemetry.Source.StartActivity("ai.repair");
            repairSpan?.SetTag("ai.repair.problems", review.Problems.Count);
            var repair = await CallAsync(chat, ClaudeTools.EventPlansTool, RepairConversation(plansConversation, calls[1], review.Problems), budget.Token, cancellationToken);
            calls.Add(repair);
            var repaired = ReviewPlans(repair);
            review = repaired.Problems.Count == 0 ? repaired : review.ImprovedBy(repaired);
            repairSpan?.SetTag("ai.repair.outcome", repaired.Problems.Count == 0 ? "repaired" : repair.Outcome == ClaudeCall.Ok ? "still_invalid" : repair.Outcome);
            stages.Add(Stage("repair", stopwatch.Elapsed));
        }

        stopwatch.Restart();
        var result = Compose(input, written, similar, review, calls);
        if (result.Engine != EngineName)
        {
            stages.Add(Stage("fallback", stopwatch.Elapsed));
        }
        return result with { Stages = stages };
    }

    /// <summary>The figures' trends with Claude's narratives where they passed their checks, the data engine's where not.</summary>
    private static WrittenTrends WriteNarratives(Trends figures, Narrative[] narratives)
    {
        var written = figures.Clone();
        var sections = new[] { written.Industry, written.Region, written.Season };
        for (var i = 0; i < sections.Length; i++)
        {
            if (narratives[i].Text is { } text)
            {
                sections[i].Narrative = text;
            }
        }
        var fromClaude = narratives.Count(n => n.Text is not null);
        return new WrittenTrends(written, fromClaude, narratives.FirstOrDefault(n => n.Text is null)?.Reason);
    }

    private EngineRecommendation Compose(
        RecommendationInput input, WrittenTrends written,
        IReadOnlyDictionary<string, List<SimilarCase>> similar, PlanReview review, IReadOnlyList<ClaudeCall> calls)
    {
        var reasons = new List<string>();
        var claudeNarratives = written.FromClaude;
        if (written.Problem is { } problem)
        {
            reasons.Add($"trends: {problem}");
        }

        var plans = new List<Plan>(PlanSlot.All.Count);
        IReadOnlyList<Plan>? dataPlans = null;
        IReadOnlyList<Plan> DataPlans() => dataPlans ??= composer.Compose(input, similar);
        foreach (var (slot, index) in PlanSlot.All.Select((s, i) => (s, i)))
        {
            plans.Add(review.Good.TryGetValue(slot.PlanId, out var plan) ? plan : DataPlans()[index]);
        }
        // Claude's plans and the data engine's need not agree on ROI; a row that mixes them and breaks
        // the promise that ROI falls as the budget rises is taken whole from the data engine.
        foreach (var kind in new[] { PlanKind.Online, PlanKind.Offline })
        {
            var row = plans.Where(p => p.Kind == kind).ToList();
            if (RecommendationValidator.CheckRoiOrder(row).Count > 0)
            {
                for (var i = 0; i < plans.Count; i++)
                {
                    if (plans[i].Kind == kind)
                    {
                        plans[i] = DataPlans()[i];
                    }
                }
            }
        }
        var claudePlans = plans.Count(p => review.Good.TryGetValue(p.PlanId, out var good) && ReferenceEquals(p, good));
        if (claudePlans < plans.Count)
        {
            var plansCall = calls[^1]; // the repair if there was one, else the plans call
            var why = plansCall.Outcome == ClaudeCall.Ok ? "invalid" : plansCall.Outcome;
            reasons.Add($"plans: {why} ({plans.Count - claudePlans} of {plans.Count} filled by data)");
        }

        var fromClaude = claudeNarratives + claudePlans;
        var engine = fromClaude == NarrativeCount + plans.Count ? EngineName : fromClaude == 0 ? DataRecommendationEngine.EngineName : MixedEngineName;
        var reason = string.Join("; ", reasons);
        if (engine != EngineName)
        {
            using var span = AiTelemetry.Source.StartActivity("ai.fallback");
            span?.SetTag("ai.engine", engine);
            span?.SetTag("ai.fallback.reason", reason);
            AiTelemetry.Fallbacks.Add(1, new KeyValuePair<string, object?>("engine", engine));
            LogFellBack(logger, engine, reason);
        }
        return new EngineRecommendation(
            engine, written.Trends, plans, [], SyntheticData: true,
            InputTokens: calls.Sum(c => c.InputTokens), OutputTokens: calls.Sum(c => c.OutputTokens), FallbackReason: reason);
    }

    private async Task<EngineRecommendation> FallBackEntirelyAsync(
        RecommendationInput input, string reason, Action<Trends>? trendsReady, CancellationToken cancellationToken)
    {
        using var span = AiTelemetry.Source.StartActivity("ai.fallback");
        span?.SetTag("ai.engine", DataRecommendationEngine.EngineName);
        span?.SetTag("ai.fallback.reason", reason);
        AiTelemetry.Fallbacks.Add(1, new KeyValuePair<string, object?>("engine", DataRecommendationEngine.EngineName));
        LogFellBack(logger, DataRecommendationEngine.EngineName, reason);
        var answer = await dataEngine.RecommendAsync(input, trendsReady, cancellationToken);
        return answer with { FallbackReason = reason };
    }

    /// <summary>One call, forced to use <paramref name="tool"/>. Never throws but for the caller's own cancellation.</summary>
    private async Task<ClaudeCall> CallAsync(
        IChatClient chat, AIFunctionDeclaration tool, IList<ChatMessage> conversation, CancellationToken budget, CancellationToken request)
    {
        var settings = options.Value;
        using var span = AiTelemetry.Source.StartActivity($"claude {tool.Name}", ActivityKind.Internal);
        span?.SetTag("gen_ai.provider.name", "anthropic");
        span?.SetTag("gen_ai.request.model", settings.Model);
        span?.SetTag("gen_ai.tool.name", tool.Name);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(budget);
        timeout.CancelAfter(settings.CallTimeout);
        var status = ClaudeHttpStatus.Record();
        var chatOptions = new ChatOptions
        {
            ModelId = settings.Model,
            MaxOutputTokens = settings.MaxOutputTokens,
            Tools = [tool],
            // tool_choice {type: "tool", name}: the answer is the tool's input, shaped by its schema.
            ToolMode = ChatToolMode.RequireSpecific(tool.Name),
            // No temperature: newer models reject sampling parameters. Thinking off: a forced tool
            // choice is incompatible with it, and the budget has no room for it.
            Reasoning = new ReasoningOptions { Effort = ReasoningEffort.None },
        };

        var stopwatch = Stopwatch.StartNew();
        string outcome;
        ChatResponse? response = null;
        JsonElement? arguments = null;
        try
        {
            response = await chat.GetResponseAsync(conversation, chatOptions, timeout.Token);
            arguments = ClaudeAnswers.Arguments(response, tool.Name);
            outcome = arguments is null ? "no_tool_call" : ClaudeCall.Ok;
        }
        catch (Exception exception) when (!request.IsCancellationRequested)
        {
            outcome = exception switch
            {
                _ when budget.IsCancellationRequested => "budget_exhausted",
                OperationCanceledException or TimeoutException => "timeout",
                _ when status.Value >= 400 => $"error_{status.Value}",
                // A success status whose body could not be read as a message.
                _ when status.Value is >= 200 and < 300 => "malformed_response",
                _ => "error",
            };
            LogCallFailed(logger, exception, tool.Name, outcome);
        }
        var elapsed = stopwatch.Elapsed;

        var inputTokens = (int)(response?.Usage?.InputTokenCount ?? 0);
        var outputTokens = (int)(response?.Usage?.OutputTokenCount ?? 0);
        var toolTag = new KeyValuePair<string, object?>("tool", tool.Name);
        AiTelemetry.InputTokens.Add(inputTokens, toolTag);
        AiTelemetry.OutputTokens.Add(outputTokens, toolTag);
        span?.SetTag("gen_ai.usage.input_tokens", inputTokens);
        span?.SetTag("gen_ai.usage.output_tokens", outputTokens);
        span?.SetTag("ai.claude.outcome", outcome);
        if (outcome != ClaudeCall.Ok)
        {
            span?.SetStatus(ActivityStatusCode.Error, outcome);
        }
        return new ClaudeCall(tool.Name, outcome, response, arguments, inputTokens, outputTokens, elapsed);
    }

    /// <summary>The first exchange, then the problems as the tool's result (or as a user turn when no tool was called).</summary>
    private static List<ChatMessage> RepairConversation(IReadOnlyList<ChatMessage> conversation, ClaudeCall first, IReadOnlyList<string> problems)
    {
        var messages = new List<ChatMessage>(conversation);
        var call = first.Response?.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().FirstOrDefault(c => c.Name == first.Tool);
        if (first.Response is not null && call is not null)
        {
            messages.AddRange(first.Response.Messages);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, ClaudePrompts.Repair(problems))]));
        }
        else
        {
            messages.Add(new ChatMessage(ChatRole.User, ClaudePrompts.Repair(problems)));
        }
        return messages;
    }

    private static Narrative[] ReviewNarratives(ClaudeCall call)
    {
        if (call.Arguments is not { } arguments)
        {
            return [.. Enumerable.Repeat(new Narrative(null, call.Outcome), NarrativeCount)];
        }
        var problems = new List<string>();
        var answer = ClaudeAnswers.ReadNarratives(arguments, problems);
        if (answer is null)
        {
            return [.. Enumerable.Repeat(new Narrative(null, "invalid"), NarrativeCount)];
        }
        return [.. new[] { ("industry", answer.Industry), ("region", answer.Region), ("season", answer.Season) }
            .Select(s => RecommendationValidator.CheckNarrative(s.Item1, s.Item2).Count == 0 ? new Narrative(s.Item2.Trim(), "") : new Narrative(null, "invalid"))];
    }

    private static PlanReview ReviewPlans(ClaudeCall call)
    {
        var problems = new List<string>();
        if (call.Arguments is not { } arguments)
        {
            problems.Add(call.Outcome == "no_tool_call"
                ? $"call the {ClaudeTools.EventPlans} tool with all six plans"
                : "the answer could not be read; send all six plans again");
            return new PlanReview(new Dictionary<string, Plan>(), problems);
        }
        var read = ClaudeAnswers.ReadPlans(arguments, problems);
        var good = new Dictionary<string, Plan>();
        foreach (var slot in PlanSlot.All)
        {
            if (!read.TryGetValue(slot.PlanId, out var plan))
            {
                problems.Add($"{slot.PlanId}: missing");
                continue;
            }
            var planProblems = RecommendationValidator.CheckPlan(plan);
            problems.AddRange(planProblems);
            if (planProblems.Count == 0)
            {
                good.Add(slot.PlanId, plan);
            }
        }
        problems.AddRange(RecommendationValidator.CheckRoiOrder([.. good.Values]));
        return new PlanReview(good, problems);
    }

    private static async Task<T> TracedAsync<T>(string name, Func<Task<T>> work)
    {
        using var span = AiTelemetry.Source.StartActivity(name);
        return await work();
    }

    private static StageTiming Stage(string name, TimeSpan elapsed) =>
        new() { Stage = name, Milliseconds = (int)Math.Ceiling(elapsed.TotalMilliseconds) };

    /// <summary>The trends as they will be served, how many narratives are Claude's, and why the first missing one is missing.</summary>
    private sealed record WrittenTrends(Trends Trends, int FromClaude, string? Problem);

    /// <summary>A section's narrative from Claude, or null with the reason it is not used.</summary>
    private sealed record Narrative(string? Text, string Reason);

    /// <summary>The plans that passed their own checks, by plan id, and every problem found.</summary>
    private sealed record PlanReview(Dictionary<string, Plan> Good, List<string> Problems)
    {
        /// <summary>The repair's good plans, and this answer's where the repair has none.</summary>
        public PlanReview ImprovedBy(PlanReview repair)
        {
            var good = new Dictionary<string, Plan>(Good);
            foreach (var (id, plan) in repair.Good)
            {
                good[id] = plan;
            }
            return new PlanReview(good, repair.Problems);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claude call {Tool} failed: {Outcome}")]
    private static partial void LogCallFailed(ILogger logger, Exception exception, string tool, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data engine filled in for Claude (engine {Engine}): {Reason}")]
    private static partial void LogFellBack(ILogger logger, string engine, string reason);
}
