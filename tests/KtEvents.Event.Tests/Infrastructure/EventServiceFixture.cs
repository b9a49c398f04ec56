using Google.Protobuf;

using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Event.Ending;
using KtEvents.Event.Infrastructure;
using KtEvents.Rpc;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using Npgsql;

namespace KtEvents.Event.Tests.Infrastructure;

/// <summary>
/// The Event service on Kestrel over h2c with its own database and the shared Redis and RabbitMQ.
/// Its consumer handles one message at a time, in order, so a test can tell that a redelivery
/// published before another message has been handled once that message has. Its own end sweep runs
/// every 200 ms against the real clock; tests that control time keep their events in the future of
/// that clock and end them with a sweeper of their own (<see cref="SweeperAt"/>).
/// </summary>
public sealed class EventServiceFixture : IAsyncLifetime
{
    public const string Queue = "kt-event";

    private ServiceFactory<Program>? _service;
    private HttpClient? _http;

    public EventClient Client { get; private set; } = null!;

    public TestIdentity Identity { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public IntegrationEventPublisher Publisher { get; private set; } = null!;

    public PublishedEventsListener<EventEndedIntegrationEvent> Ended { get; private set; } = null!;

    public PublishedEventsListener<EventSalesReportedIntegrationEvent> SalesReported { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        var database = await postgres.CreateDatabaseAsync($"event_{Guid.NewGuid():N}");
        Identity = await TestIdentity.StartAsync();

        _service = new ServiceFactory<Program>(new Dictionary<string, string?>(Identity.Configuration)
        {
            ["ConnectionStrings:eventdb"] = database,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            // Never called by these tests; an address keeps the typed clients constructible.
            ["services:ai:http:0"] = "http://127.0.0.1:9",
            ["services:content:http:0"] = "http://127.0.0.1:9",
            ["EventBus:ConsumerConcurrency"] = "1",
            ["EventBus:OutboxPollInterval"] = "00:00:00.200",
            ["Events:EndSweepInterval"] = "00:00:00.200",
            ["Events:EndGracePeriod"] = "00:00:00",
        });
        var address = _service.StartOnLoopback();
        _http = H2c.CreateHttpClient();
        Client = new EventClient(H2c.CreateCallInvoker(_http, address));
        Database = NpgsqlDataSource.Create(database);
        Publisher = await IntegrationEventPublisher.ConnectAsync(rabbitMq.ConnectionString);
        await Publisher.WaitForConsumerAsync(Queue);
        Ended = await PublishedEventsListener<EventEndedIntegrationEvent>.StartAsync(rabbitMq.ConnectionString, e => e.EventId);
        SalesReported = await PublishedEventsListener<EventSalesReportedIntegrationEvent>.StartAsync(rabbitMq.ConnectionString, e => e.EventId);
    }

    public CallOptions As(Guid ownerId) =>
        new(new Metadata { { "authorization", $"Bearer {Identity.CreateAccessToken(ownerId)}" } });

    /// <summary>
    /// A sweeper like the service's own, on the service's database and outbox, whose clock says
    /// <paramref name="now"/>; no grace period, so an event ends as soon as its period is over.
    /// </summary>
    public Sweeper SweeperAt(DateTimeOffset now)
    {
        var scope = _service!.Services.CreateAsyncScope();
        var sweeper = new EventEndSweeper(
            scope.ServiceProvider.GetRequiredService<EventRepository>(),
            Options.Create(new EventEndingOptions { EndGracePeriod = TimeSpan.Zero }),
            new FixedTime(now),
            NullLogger<EventEndSweeper>.Instance);
        return new Sweeper(scope, sweeper);
    }

    /// <summary>An approved event as the wizard leaves it (plan, image, channels, period), written directly.</summary>
    public async Task<StoredEvent> InsertEventAsync(
        DateTimeOffset startsAt, DateTimeOffset endsAt, string status = "scheduled", string? recommendationId = null)
    {
        var stored = new StoredEvent(Guid.CreateVersion7(), Guid.CreateVersion7(), recommendationId ?? Guid.CreateVersion7().ToString(), Plan(), startsAt, endsAt);
        var store = new StoreSnapshot
        {
            StoreId = Guid.CreateVersion7().ToString(),
            Name = "동네 붕어빵",
            Industry = "cafe",
            Address = "서울특별시 마포구 연남로 12",
            Phone = "01012345678",
        };
        var recommendation = new RecommendReply { Metadata = new RecommendMetadata { RecommendationId = stored.RecommendationId } };
        recommendation.Plans.Add(stored.Plan);
        var channels = new ChannelPlan { TotalCostKrw = 30_000, TotalExposure = 3_500 };
        channels.Channels.Add(new ChannelEstimate { Channel = "ringo_biz", CostKrw = 30_000, ExpectedExposure = 1_500 });
        channels.Channels.Add(new ChannelEstimate { Channel = "instagram", CostKrw = 0, ExpectedExposure = 2_000 });

        var draft = status == "draft";
        await using var command = Database.CreateCommand(
            """
            INSERT INTO events (id, owner_id, status, purpose, store, recommendation, selected_plan, image_id, channel_plan,
                                starts_at, ends_at, approved_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
            """);
        command.Parameters.AddWithValue(stored.EventId);
        command.Parameters.AddWithValue(stored.OwnerId);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue((int)EventPurpose.NewCustomers);
        command.Parameters.AddWithValue(store.ToByteArray());
        command.Parameters.AddWithValue(recommendation.ToByteArray());
        command.Parameters.AddWithValue(stored.Plan.ToByteArray());
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(channels.ToByteArray());
        command.Parameters.AddWithValue(startsAt);
        command.Parameters.AddWithValue(endsAt);
        command.Parameters.AddWithValue(draft ? DBNull.Value : (object)startsAt.AddDays(-1));
        command.Parameters.AddWithValue(startsAt.AddDays(-2));
        await command.ExecuteNonQueryAsync();
        return stored;
    }

    /// <summary>The event's status and end mark as stored.</summary>
    public async Task<(string Status, DateTimeOffset? EndedAt)> ReadEndingAsync(Guid eventId)
    {
        await using var command = Database.CreateCommand("SELECT status, ended_at FROM events WHERE id = $1");
        command.Parameters.AddWithValue(eventId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Rows of one routing key this service's outbox holds for the event: each is published once by the relay.</summary>
    public async Task<long> OutboxCountAsync(Guid eventId, string routingKey = "event.event-ended")
    {
        await using var command = Database.CreateCommand(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = $2 AND body->>'eventId' = $1");
        command.Parameters.AddWithValue(eventId.ToString());
        command.Parameters.AddWithValue(routingKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Plan Plan() => new()
    {
        PlanId = "medium-online",
        BudgetTier = BudgetTier.Medium,
        Kind = PlanKind.Online,
        Title = "겨울 한정 붕어빵 1+1",
        Prize = "붕어빵 세트",
        ParticipationMethod = "인스타그램 팔로우 후 댓글",
        ExpectedParticipants = 120,
        CostKrw = 1_600_000,
        ExpectedRoiPercent = 180,
        DurationDays = 14,
        PrizeQuantity = 10,
    };

    public async Task DisposeAsync()
    {
        if (Ended is not null)
        {
            await Ended.DisposeAsync();
        }

        if (SalesReported is not null)
        {
            await SalesReported.DisposeAsync();
        }

        if (Publisher is not null)
        {
            await Publisher.DisposeAsync();
        }

        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _http?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }

    /// <summary>A clock stopped at one moment; timers still run on the system's.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>What a test wrote: the ids to find it by and the plan it was approved with.</summary>
public sealed record StoredEvent(Guid EventId, Guid OwnerId, string RecommendationId, Plan Plan, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A test's sweeper with the service scope its repository lives in.</summary>
public sealed class Sweeper(AsyncServiceScope scope, EventEndSweeper sweeper) : IAsyncDisposable
{
    public Task<int> SweepAsync() => sweeper.SweepAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
