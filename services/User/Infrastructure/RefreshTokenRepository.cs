using KtEvents.User.Authentication;

using Npgsql;

namespace KtEvents.User.Infrastructure;

/// <summary>
/// Refresh tokens by their SHA-256. Tokens descending from one sign-in form a family: rotation revokes
/// the presented token and adds its successor to the family, so a revoked token coming back means it
/// was copied, and the family goes (OAuth 2.0 Security BCP, refresh token rotation).
/// </summary>
public sealed class RefreshTokenRepository(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public async Task AddAsync(NewRefreshToken token, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await InsertAsync(connection, null, token, userId, Guid.CreateVersion7(), timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>Replaces the token hashed <paramref name="presentedHash"/> with <paramref name="replacement"/>; the user id is set when rotated.</summary>
    public async Task<(RefreshOutcome Outcome, Guid UserId)> RotateAsync(byte[] presentedHash, NewRefreshToken replacement, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The row lock of this UPDATE serialises two presentations of one token: the second finds it revoked.
        await using (var revoke = new NpgsqlCommand("""
            UPDATE refresh_tokens SET revoked_at = @now
            WHERE token_hash = @hash AND revoked_at IS NULL AND expires_at > @now
            RETURNING user_id, family_id
            """, connection, transaction))
        {
            revoke.Parameters.AddWithValue("hash", presentedHash);
            revoke.Parameters.AddWithValue("now", now);
            await using var reader = await revoke.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var (userId, familyId) = (reader.GetGuid(0), reader.GetGuid(1));
                await reader.DisposeAsync();
                await InsertAsync(connection, transaction, replacement, userId, familyId, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (RefreshOutcome.Rotated, userId);
            }
        }

        Guid reusedBy, reusedFamily;
        await using (var find = new NpgsqlCommand(
            "SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = @hash AND revoked_at IS NOT NULL", connection, transaction))
        {
            find.Parameters.AddWithValue("hash", presentedHash);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return (RefreshOutcome.Invalid, Guid.Empty);
            }

            (reusedBy, reusedFamily) = (reader.GetGuid(0), reader.GetGuid(1));
        }

        await using var revokeFamily = new NpgsqlCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @familyId AND revoked_at IS NULL", connection, transaction);
        revokeFamily.Parameters.AddWithValue("familyId", reusedFamily);
        revokeFamily.Parameters.AddWithValue("now", now);
        await revokeFamily.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (RefreshOutcome.Reused, reusedBy);
    }

    /// <summary>Revokes the token if it is <paramref name="userId"/>'s; someone else's token is left alone.</summary>
    public async Task RevokeAsync(byte[] hash, Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE token_hash = @hash AND user_id = @userId AND revoked_at IS NULL");
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("userId", userId);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, NewRefreshToken token, Guid userId, Guid familyId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO refresh_tokens (token_hash, user_id, family_id, created_at, expires_at)
            VALUES (@hash, @userId, @familyId, @now, @expiresAt)
            """, connection, transaction);
        insert.Parameters.AddWithValue("hash", token.Hash);
        insert.Parameters.AddWithValue("userId", userId);
        insert.Parameters.AddWithValue("familyId", familyId);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("expiresAt", token.ExpiresAt);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
