using System.Threading.Channels;

namespace KtEvents.Dashboard.Resources;

/// <summary>
/// What every resource's process wrote to stdout and stderr, for the Console page. The orchestrator
/// appends; the page reads the tail and subscribes for what comes next. Bounded per resource (the
/// oldest lines go), thread-safe under one lock; <see cref="ConsoleLine.Sequence"/> increases across
/// all resources, so a reader that saw line N resumes with <c>Read(resource, N)</c> and misses nothing
/// still held.
/// </summary>
public sealed class ConsoleLogStore(int maxLinesPerResource)
{
    public const int DefaultMaxLinesPerResource = 5_000;

    /// <summary>A live reader further behind than this loses its oldest unread lines rather than holding up the process's output.</summary>
    public const int SubscriberBufferSize = 1_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ConsoleBuffer> buffers = new(StringComparer.Ordinal);
    private readonly int maxLines = Math.Max(1, maxLinesPerResource);
    private long sequence;

    public ConsoleLogStore()
        : this(DefaultMaxLinesPerResource)
    {
    }

    public void Append(string resource, string text, bool isError)
    {
        lock (gate)
        {
            var line = new ConsoleLine(++sequence, DateTimeOffset.UtcNow, resource, text, isError);
            var buffer = BufferOf(resource);
            buffer.Lines.Enqueue(line);
            while (buffer.Lines.Count > maxLines)
            {
                buffer.Lines.Dequeue();
            }

            // Written under the lock so every subscriber sees lines in sequence order; TryWrite on a
            // drop-oldest channel never waits.
            foreach (var subscriber in buffer.Subscribers)
            {
                subscriber.TryWrite(line);
            }
        }
    }

    /// <summary>The held lines of <paramref name="resource"/> after <paramref name="afterSequence"/>, oldest first, optionally only those containing <paramref name="contains"/> (case-insensitive).</summary>
    public IReadOnlyList<ConsoleLine> Read(string resource, long afterSequence = 0, string? contains = null)
    {
        lock (gate)
        {
            if (!buffers.TryGetValue(resource, out var buffer))
            {
                return [];
            }

            return buffer.Lines
                .Where(l => l.Sequence > afterSequence && Matches(l, contains))
                .ToList();
        }
    }

    /// <summary>Resources that wrote at least one line, in name order (the Console page's picker when no orchestrator is registered).</summary>
    public IReadOnlyList<string> ListResources()
    {
        lock (gate)
        {
            return buffers.Where(b => b.Value.Lines.Count > 0).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>
    /// Lines appended to <paramref name="resource"/> from now on, until <paramref name="cancellationToken"/>
    /// fires, which completes the reader (so <c>ReadAllAsync()</c> simply ends). Subscribe before
    /// <see cref="Read"/> and skip sequences already seen, and no line falls in between.
    /// </summary>
    public ChannelReader<ConsoleLine> Subscribe(string resource, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ConsoleLine>(new BoundedChannelOptions(SubscriberBufferSize)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            BufferOf(resource).Subscribers.Add(channel.Writer);
        }

        cancellationToken.Register(() =>
        {
            lock (gate)
            {
                BufferOf(resource).Subscribers.Remove(channel.Writer);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public static bool Matches(ConsoleLine line, string? contains) =>
        string.IsNullOrEmpty(contains) || line.Text.Contains(contains, StringComparison.OrdinalIgnoreCase);

    private ConsoleBuffer BufferOf(string resource)
    {
        if (!buffers.TryGetValue(resource, out var buffer))
        {
            buffer = new ConsoleBuffer();
            buffers.Add(resource, buffer);
        }

        return buffer;
    }
}
