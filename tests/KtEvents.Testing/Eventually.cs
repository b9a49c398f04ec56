using Xunit;

namespace KtEvents.Testing;

/// <summary>Bounded waits for what the event bus delivers asynchronously; a timeout fails naming what was awaited.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="attempt"/> returns something, and returns it.</summary>
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T?>> attempt, TimeSpan? timeout = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null) =>
        UntilAsync(what, async () => await condition() ? what : null, timeout);

    /// <summary>
    /// Waits until a consuming service's inbox (<c>kt_inbox</c> in its own database) records the message,
    /// i.e. its handling has committed.
    /// </summary>
    public static Task UntilHandledAsync(Npgsql.NpgsqlDataSource serviceDatabase, string consumer, Guid messageId) =>
        UntilAsync($"message {messageId} is handled by {consumer}", async () =>
        {
            await using var command = serviceDatabase.CreateCommand("SELECT 1 FROM kt_inbox WHERE consumer = $1 AND message_id = $2");
            command.Parameters.AddWithValue(consumer);
            command.Parameters.AddWithValue(messageId);
            return await command.ExecuteScalarAsync();
        });
}
