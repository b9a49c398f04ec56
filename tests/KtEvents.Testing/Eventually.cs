using Xunit;

namespace KtEvents.Testing;

/// <summary>Bounded waits for what the event bus delivers asynchronously; a timeout fails naming what was awaited.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="attempt"/> returns something, and returns it.</summary>
    public static Task<T> UntilAsync<T>(string what, Func<Task<T?>> attempt, TimeSpan? timeout = null)
        where T : class =>
        PollAsync(what, attempt, timeout, describe: null);

    /// <summary>
    /// Polls until <paramref name="condition"/> holds; on a timeout the failure includes what
    /// <paramref name="describe"/> says about the last state.
    /// </summary>
    public static Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null, Func<Task<string>>? describe = null) =>
        PollAsync(what, async () => await condition() ? what : null, timeout, describe);

    /// <inheritdoc cref="UntilAsync(string, Func{Task{bool}}, TimeSpan?, Func{Task{string}}?)"/>
    public static Task UntilAsync(string what, Func<bool> condition, TimeSpan? timeout = null, Func<string>? describe = null) =>
        UntilAsync(what, () => Task.FromResult(condition()), timeout, describe is null ? null : () => Task.FromResult(describe()));

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

    private static async Task<T> PollAsync<T>(string what, Func<Task<T?>> attempt, TimeSpan? timeout, Func<Task<string>>? describe)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }
            if (deadline.IsCancellationRequested)
            {
                var state = describe is null ? "" : $" Last state: {await describe()}";
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {what}.{state}");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
