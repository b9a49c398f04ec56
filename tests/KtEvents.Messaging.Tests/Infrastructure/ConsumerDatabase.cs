using Npgsql;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>A second database on the shared server, for a consuming service that owns its own.</summary>
internal sealed record ConsumerDatabase(string ConnectionString, NpgsqlDataSource DataSource) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
