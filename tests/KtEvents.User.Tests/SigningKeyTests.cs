using KtEvents.Contracts.Clients;
using KtEvents.Contracts.User.V1;
using KtEvents.Data.Migrations;
using KtEvents.Rpc;
using KtEvents.Testing;
using KtEvents.User.Authentication;
using KtEvents.User.Tests.Infrastructure;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace KtEvents.User.Tests;

/// <summary>The access-token signing key lives in userdb: one key for all replicas, kept across restarts.</summary>
[Collection(UserServiceCollection.Name)]
public sealed class SigningKeyTests(UserServiceFixture service)
{
    [Fact]
    public async Task Replicas_starting_at_once_create_a_single_key()
    {
        var postgres = await SharedServers.PostgresAsync();
        await using var database = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync($"user_keys_{Guid.NewGuid():N}"));
        foreach (var migration in MigrationSet.FromAssembly(typeof(Program).Assembly, "user").Migrations)
        {
            await using var command = database.CreateCommand(migration.Sql);
            await command.ExecuteNonQueryAsync();
        }

        var stores = Enumerable.Range(0, 4)
            .Select(_ => new SigningKeyStore(database, TimeProvider.System, NullLogger<SigningKeyStore>.Instance))
            .ToList();
        try
        {
            var keys = await Task.WhenAll(stores.Select(store => store.GetAsync(CancellationToken.None).AsTask()));

            Assert.Single(keys.Select(key => key.CurrentKeyId).Distinct());
            await using var count = database.CreateCommand("SELECT count(*) FROM signing_keys");
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        finally
        {
            stores.ForEach(store => store.Dispose());
        }
    }

    [Fact]
    public async Task A_token_from_one_replica_works_at_another_and_both_publish_the_same_key()
    {
        var session = await service.Client.RegisterAsync(TestRegistrations.Valid()).ResponseAsync;
        await using var replica = service.StartReplica(out var address);
        using var http = service.CreateHttpClient();
        var client = new UserClient(new CallInvoker(http, new GrpcClientFactoryOptions { Address = address }));

        var profile = await client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(session.AccessToken)).ResponseAsync;

        Assert.Equal(session.Owner, profile);
        var first = await http.GetStringAsync(new Uri(service.Address, "/.well-known/jwks.json"));
        var second = await http.GetStringAsync(new Uri(address, "/.well-known/jwks.json"));
        Assert.Equal(first, second);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM signing_keys"));
    }
}
