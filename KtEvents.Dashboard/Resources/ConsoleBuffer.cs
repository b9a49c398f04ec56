using System.Threading.Channels;

namespace KtEvents.Dashboard.Resources;

/// <summary>One resource's held lines and live readers; guarded by <see cref="ConsoleLogStore"/>'s lock.</summary>
internal sealed class ConsoleBuffer
{
    public Queue<ConsoleLine> Lines { get; } = new();

    public List<ChannelWriter<ConsoleLine>> Subscribers { get; } = [];
}
