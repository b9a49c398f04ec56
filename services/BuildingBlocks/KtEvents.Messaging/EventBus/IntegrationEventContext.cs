using Npgsql;

namespace KtEvents.Messaging.EventBus;

/// <summary>
/// The message being handled and the database transaction it is handled in (scoped: one per message).
/// A handler that writes through <see cref="Connection"/> and <see cref="Transaction"/> commits its
/// work together with the message's inbox row, so a redelivery finds the row and changes nothing.
/// The consumer commits after the last handler returns; handlers must not commit or roll back.
/// </summary>
public sealed class IntegrationEventContext
{
    private NpgsqlConnection? connection;
    private NpgsqlTransaction? transaction;

    public NpgsqlConnection Connection => connection ?? throw NotHandling();

    public NpgsqlTransaction Transaction => transaction ?? throw NotHandling();

    /// <summary>The event's id, which is also the AMQP message id and the inbox key.</summary>
    public Guid MessageId { get; private set; }

    public string RoutingKey { get; private set; } = "";

    /// <summary>1 on first delivery; counts failed attempts, not redeliveries after a lost channel.</summary>
    public int Attempt { get; private set; }

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
