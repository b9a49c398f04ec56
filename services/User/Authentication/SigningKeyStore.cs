using System.Security.Cryptography;

using Npgsql;

namespace KtEvents.User.Authentication;

/// <summary>
/// The ES256 keys that sign access tokens, kept in the service's own database so that every replica
/// signs with the same key and tokens survive a restart. The first use creates the key when there is
/// none, under a transaction-scoped advisory lock: replicas starting together wait for each other and
/// the second one finds the first one's key instead of adding its own.
/// The private key sits in Postgres as PKCS#8; a deployment that wants it in a vault replaces this class.
/// Rotation (a new row; the old key stays published until its tokens expire) is not automated yet.
/// </summary>
public sealed class SigningKeyStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<SigningKeyStore> logger) : IDisposable
{
    // Any constant distinct from other advisory locks in userdb (the migrator uses its own).
    private const long KeyCreationLock = 0x4b_5455_5345_524b; // "KTUSERK"

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SigningKeys? _keys;

    public async ValueTask<SigningKeys> GetAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } keys)
        {
            return keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A failure is not cached: the next call tries again.
            return _keys ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeys> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("lock", KeyCreationLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var keys = await ReadAsync(connection, transaction, cancellationToken);
        if (keys.Count == 0)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var keyId = Guid.CreateVersion7().ToString("N");
            await using var insert = new NpgsqlCommand(
                "INSERT INTO signing_keys (kid, private_key, created_at) VALUES (@kid, @key, @now)", connection, transaction);
            insert.Parameters.AddWithValue("kid", keyId);
            insert.Parameters.AddWithValue("key", key.ExportPkcs8PrivateKey());
            insert.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            keys.Add((keyId, key));
            AuthLog.SigningKeyCreated(logger, keyId);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SigningKeys(keys, timeProvider);
    }

    private static async Task<List<(string KeyId, ECDsa Key)>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            "SELECT kid, private_key FROM signing_keys ORDER BY created_at, kid", connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var keys = new List<(string, ECDsa)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(reader.GetFieldValue<byte[]>(1), out _);
            keys.Add((reader.GetString(0), key));
        }

        return keys;
    }

    public void Dispose()
    {
        _keys?.Dispose();
        _gate.Dispose();
    }
}
