using System.Text.Json.Nodes;

namespace KtEvents.Sandbox.Channels;

/// <summary>
/// The memory of the fake channels: every accepted post, the answer given per idempotency key, and
/// the faults still to inject. Real channel APIs differ in how they deduplicate; here every channel
/// honours an <c>Idempotency-Key</c> header the same way (same key, same answer, no second post), so
/// that a client's retry after a lost response never posts twice.
/// </summary>
public sealed class ChannelPostStore(IConfiguration configuration, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<SandboxPost> _posts = [];
    private readonly Dictionary<(string Channel, string Key), JsonNode> _answers = [];
    private readonly Dictionary<string, int> _faults = ReadConfiguredFaults(configuration);

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public IReadOnlyList<SandboxPost> Posts(string? channel = null)
    {
        lock (_gate)
        {
            return _posts.Where(post => channel is null || post.Channel == channel).ToList();
        }
    }

    /// <summary>The next <paramref name="failures"/> new posts to <paramref name="channel"/> answer 503.</summary>
    public void SetFaults(string channel, int failures)
    {
        lock (_gate)
        {
            _faults[channel] = failures;
        }
    }

    /// <summary>
    /// A replay of an answered key answers the same again; otherwise a pending fault is spent, or
    /// <paramref name="accept"/> makes the post and its answer, recorded under the key.
    /// </summary>
    public ChannelPostOutcome Post(string channel, string idempotencyKey, JsonNode request, Func<SandboxPostDraft> accept)
    {
        lock (_gate)
        {
            if (_answers.TryGetValue((channel, idempotencyKey), out var answer))
            {
                return new ChannelPostOutcome(Faulted: false, Replayed: true, answer.DeepClone());
            }

            if (_faults.TryGetValue(channel, out var failures) && failures > 0)
            {
                _faults[channel] = failures - 1;
                return new ChannelPostOutcome(Faulted: true, Replayed: false, Response: null);
            }

            var draft = accept();
            _answers[(channel, idempotencyKey)] = draft.Response;
            _posts.Add(new SandboxPost(channel, idempotencyKey, draft.ExternalId, draft.Url, Now, request.DeepClone(), draft.Response.DeepClone()));
            return new ChannelPostOutcome(Faulted: false, Replayed: false, draft.Response.DeepClone());
        }
    }

    private static Dictionary<string, int> ReadConfiguredFaults(IConfiguration configuration) =>
        configuration.GetSection("Sandbox:Faults").GetChildren()
            .Where(section => int.TryParse(section.Value, out _))
            .ToDictionary(section => section.Key, section => int.Parse(section.Value!));
}
