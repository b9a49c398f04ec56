using System.Collections.Concurrent;

namespace KtEvents.Sandbox.Claude;

/// <summary>
/// The double's memory, per API key so that tests running in parallel (each with a key of its own)
/// never see each other's scenarios or counts: the scenario set for the key and the calls received.
/// A key never configured behaves by default: no fault, the latency from configuration
/// (<c>Sandbox:Claude:TrendsLatencyMs</c>, <c>Sandbox:Claude:PlansLatencyMs</c>, 0 when absent).
/// </summary>
public sealed class ClaudeScenarioStore(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, KeyState> _keys = new(StringComparer.Ordinal);
    private readonly TimeSpan _trendsLatency = ConfiguredLatency(configuration, "Sandbox:Claude:TrendsLatencyMs");
    private readonly TimeSpan _plansLatency = ConfiguredLatency(configuration, "Sandbox:Claude:PlansLatencyMs");

    /// <summary>Replaces the key's scenario; the calls counted so far stay.</summary>
    public void Set(string apiKey, IReadOnlyDictionary<ClaudeTool, ToolRule> rules)
    {
        var state = _keys.GetOrAdd(apiKey, _ => new KeyState());
        lock (state.Gate)
        {
            state.Rules.Clear();
            foreach (var (tool, rule) in rules)
            {
                state.Rules[tool] = rule;
            }
        }
    }

    /// <summary>Forgets the key: its scenario and its counts.</summary>
    public void Reset(string apiKey) => _keys.TryRemove(apiKey, out _);

    public ClaudeCallCounts Calls(string apiKey)
    {
        if (!_keys.TryGetValue(apiKey, out var state))
        {
            return new ClaudeCallCounts(0, 0, 0);
        }

        lock (state.Gate)
        {
            return new ClaudeCallCounts(state.Calls[(int)ClaudeTool.Trends], state.Calls[(int)ClaudeTool.Plans], state.Calls[(int)ClaudeTool.Other]);
        }
    }

    /// <summary>Counts a call for <paramref name="tool"/> and decides its behaviour, spending one of a limited fault's calls.</summary>
    public ToolBehaviour Receive(string apiKey, ClaudeTool tool)
    {
        var state = _keys.GetOrAdd(apiKey, _ => new KeyState());
        lock (state.Gate)
        {
            state.Calls[(int)tool]++;
            var latency = DefaultLatency(tool);
            if (!state.Rules.TryGetValue(tool, out var rule))
            {
                return new ToolBehaviour(latency, ClaudeFault.None);
            }

            latency = rule.Latency ?? latency;
            switch (rule.Times)
            {
                case null:
                    return new ToolBehaviour(latency, rule.Fault);
                case > 0:
                    state.Rules[tool] = rule with { Times = rule.Times - 1 };
                    return new ToolBehaviour(latency, rule.Fault);
                default:
                    return new ToolBehaviour(latency, ClaudeFault.None);
            }
        }
    }

    private TimeSpan DefaultLatency(ClaudeTool tool) => tool switch
    {
        ClaudeTool.Trends => _trendsLatency,
        ClaudeTool.Plans => _plansLatency,
        _ => TimeSpan.Zero,
    };

    private static TimeSpan ConfiguredLatency(IConfiguration configuration, string key) =>
        int.TryParse(configuration[key], out var milliseconds) && milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : TimeSpan.Zero;

    private sealed class KeyState
    {
        public Lock Gate { get; } = new();

        public Dictionary<ClaudeTool, ToolRule> Rules { get; } = [];

        public int[] Calls { get; } = new int[3];
    }
}
