using Npgsql;

namespace KtEvents.Messaging.EventBus;

/// <summary>
/// The message being handled and the database transaction it is handled in (scoped: one per message).
/// A handler that writes through <see cref="Connection"/> and <see cref="Transaction"/> commits its
/// work together with the message's inbox row, so a redelivery finds the row and changes nothing.
/// The consumer commits after the last handler returns; handlers must not commit or roll back.
/// Work that must wait for that commit (a hint to browsers, say) is registered with
/// <see cref="OnCommitted"/>.
/// </summary>
public sealed class IntegrationEventContext
{
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? transaction;
    private readonly List<Func<Task>> committed = [];

    public NpgsqlConnection Connection => connection ?? throw NotHandling();

    public NpgsqlTransaction Transaction => transaction ?? throw NotHandling();

    /// <summary>The event's id, which is also the AMQP message id and the inbox key.</summary>
    public Guid MessageId { get; private set; }

    public string RoutingKey { get; private set; } = "";

    /// <summary>1 on first delivery; counts failed attempts, not redeliveries after a lost channel.</summary>
    public int Attempt { get; private set; }

    /// <summary>
    /// Runs <paramref name="callback"/> once the message's transaction has committed, and never if it
    /// rolls back (a failed attempt, or a redelivery the inbox skips). Callbacks run in the order they
    /// were registered; one that throws is logged and does not stop the others or the message's ack,
    /// since the work it follows is already durable.
    /// </summary>
    public void OnCommitted(Func<Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _ = Transaction;
        committed.Add(callback);
    }

    internal IReadOnlyList<Func<Task>> CommittedCallbacks => committed;

    internal void Enter(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid messageId, string routingKey, int attempt)
    {
        this.connection = connection;
        this.transaction = transaction;
        MessageId = messageId;
        RoutingKey = routingKey;
        Attempt = attempt;
    }

    private static InvalidOperationException NotHandling() =>
        new("IntegrationEventContext is only available inside an integration event handler.");
}
