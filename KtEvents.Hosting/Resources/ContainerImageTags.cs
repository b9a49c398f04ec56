namespace KtEvents.Hosting.Resources;

/// <summary>
/// The images published for the servers. The major versions match what development and tests run
/// from Debian's packages (PostgreSQL 15, Redis 7, RabbitMQ 3.x), so behaviour does not drift.
/// </summary>
public static class ContainerImageTags
{
    public const string Postgres = "15.10";
    public const string Redis = "7.4";
    public const string RabbitMQ = "3.13";
}
