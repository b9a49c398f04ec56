using KtEvents.Data.Migrations;

namespace KtEvents.Messaging.Migrations;

/// <summary>
/// The outbox and inbox tables (<c>kt_outbox</c>, <c>kt_inbox</c>), applied to each service's own
/// database under the scope "messaging" by <c>AddEventBus</c>.
/// </summary>
public static class MessagingMigrations
{
    public const string Scope = "messaging";

    public static MigrationSet Set { get; } = MigrationSet.FromAssembly(typeof(MessagingMigrations).Assembly, Scope);
}
