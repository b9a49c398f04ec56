using RabbitMQ.Client;

namespace KtEvents.Messaging.Connection;

internal static class ChannelCloser
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Closes and disposes a channel that may already be dead. Closing (not only disposing) also
    /// removes it from the recovering connection's list, so the client never reopens it.
    /// </summary>
    public static async Task CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await channel.CloseAsync(timeout.Token);
        }
        catch (Exception)
        {
            // Already closed by the broker or with the connection: nothing is left to release but the object.
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }
}
