using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.Outbox;
using KtEvents.User.Authentication;
using KtEvents.User.Model;

using Npgsql;

namespace KtEvents.User.Infrastructure;

/// <summary>Owners and their stores in <c>userdb</c>.</summary>
public sealed class OwnerRepository(NpgsqlDataSource dataSource, IIntegrationEventOutbox outbox, TimeProvider timeProvider)
{
    private const string SelectOwner = """
        SELECT u.id, u.name, u.phone, u.email, u.password_hash,
               s.id, s.name, s.industry, s.address, s.opening_hours, s.business_number
        FROM users u JOIN stores s ON s.owner_id = u.id
        """;

    /// <summary>Which of the phone and business number is taken already; checked before asking the 국세청.</summary>
    public async Task<RegistrationConflict> FindConflictAsync(string phone, string businessNumber, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM users WHERE phone = @phone),
                   EXISTS (SELECT 1 FROM stores WHERE business_number = @businessNumber)
            """);
        command.Parameters.AddWithValue("phone", phone);
        command.Parameters.AddWithValue("businessNumber", businessNumber);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(0) ? RegistrationConflict.Phone
            : reader.GetBoolean(1) ? RegistrationConflict.BusinessNumber
            : RegistrationConflict.None;
    }

    /// <summary>
    /// Stores the owner, the store, the first refresh token and <see cref="UserRegisteredIntegrationEvent"/>
    /// in one transaction. A sign-up racing this one for the same phone or business number loses on the
    /// unique constraint, and nothing of it is kept.
    /// </summary>
    public async Task<RegistrationConflict> AddAsync(Owner owner, NewRefreshToken refreshToken, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var insertUser = new NpgsqlCommand("""
                INSERT INTO users (id, name, phone, email, password_hash, created_at)
                VALUES (@id, @name, @phone, @email, @passwordHash, @now)
                """, connection, transaction))
            {
                insertUser.Parameters.AddWithValue("id", owner.Id);
                insertUser.Parameters.AddWithValue("name", owner.Name);
                insertUser.Parameters.AddWithValue("phone", owner.Phone);
                insertUser.Parameters.AddWithValue("email", owner.Email);
                insertUser.Parameters.AddWithValue("passwordHash", owner.PasswordHash);
                insertUser.Parameters.AddWithValue("now", now);
                await insertUser.ExecuteNonQueryAsync(cancellationToken);
            }

            var store = owner.Store;
            await using (var insertStore = new NpgsqlCommand("""
                INSERT INTO stores (id, owner_id, name, industry, address, opening_hours, business_number, created_at)
                VALUES (@id, @ownerId, @name, @industry, @address, @openingHours, @businessNumber, @now)
                """, connection, transaction))
            {
                insertStore.Parameters.AddWithValue("id", store.Id);
                insertStore.Parameters.AddWithValue("ownerId", owner.Id);
                insertStore.Parameters.AddWithValue("name", store.Name);
                insertStore.Parameters.AddWithValue("industry", store.Industry);
                insertStore.Parameters.AddWithValue("address", store.Address);
                insertStore.Parameters.AddWithValue("openingHours", store.OpeningHours);
                insertStore.Parameters.AddWithValue("businessNumber", store.BusinessNumber);
                insertStore.Parameters.AddWithValue("now", now);
                await insertStore.ExecuteNonQueryAsync(cancellationToken);
            }

            await RefreshTokenRepository.InsertAsync(connection, transaction, refreshToken, owner.Id, Guid.CreateVersion7(), now, cancellationToken);
            await outbox.AddAsync(new UserRegisteredIntegrationEvent(owner.Id, store.Id, store.Industry), transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return RegistrationConflict.None;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return exception.ConstraintName switch
            {
                "users_phone_key" => RegistrationConflict.Phone,
                "stores_business_number_key" => RegistrationConflict.BusinessNumber,
                _ => throw new InvalidOperationException($"Unexpected unique violation on {exception.ConstraintName}.", exception),
            };
        }
    }

    public Task<Owner?> FindByPhoneAsync(string phone, CancellationToken cancellationToken) =>
        FindAsync("WHERE u.phone = @value", phone, cancellationToken);

    public Task<Owner?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        FindAsync("WHERE u.id = @value", id, cancellationToken);

    private async Task<Owner?> FindAsync<T>(string where, T value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{SelectOwner} {where}");
        command.Parameters.AddWithValue("value", value!);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Owner(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            new OwnerStore(reader.GetGuid(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10)));
    }
}
