extern alias content;

using KtEvents.Contracts.Clients;
using KtEvents.Contracts.Content.V1;
using KtEvents.Contracts.Distribution.V1;
using KtEvents.Contracts.IntegrationEvents;
using KtEvents.Messaging.EventBus;
using KtEvents.Rpc;
using KtEvents.Testing;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using RabbitMQ.Client;

using ContentProgram = content::Program;
using IConnectionMultiplexer = KtEvents.Caching.IConnectionMultiplexer;

namespace KtEvents.Distribution.Tests.Infrastructure;

/// <summary>
/// The Distribution service on Kestrel over h2c, with its own database, the shared Redis and RabbitMQ,
/// the real Content service (for the images SNS channels post) and the Sandbox's channel APIs.
/// Retries are quick so that a channel failing twice takes well under a second.
/// </summary>
public sealed class DistributionFixture : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private ServiceFactory<Program>? _distribution;
    private ServiceFactory<ContentProgram>? _content;

    public DistributionClient Client { get; private set; } = null!;

    public ContentClient Content { get; private set; } = null!;

    public ChannelSandbox Sandbox { get; private set; } = null!;

    public TestIdentity Identity { get; private set; } = null!;

    public NpgsqlDataSource Database { get; private set; } = null!;

    public IEventBus EventBus { get; private set; } = null!;

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    /// <summary>The service's own container, for a test that plays a worker's part (an attempt outliving its lease).</summary>
    public IServiceProvider Services => _distribution!.Services;

    private string _rabbitMqConnectionString = "";

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        var rabbitMq = await SharedServers.RabbitMqAsync();
        _rabbitMqConnectionString = rabbitMq.ConnectionString;
        var distributionDb = await postgres.CreateDatabaseAsync($"distribution_{Guid.NewGuid():N}");
        var contentDb = await postgres.CreateDatabaseAsync($"content_{Guid.NewGuid():N}");
        Identity = await TestIdentity.StartAsync();
        Sandbox = await ChannelSandbox.StartAsync();

        _content = new ServiceFactory<ContentProgram>(new Dictionary<string, string?>(Identity.Configuration)
        {
            ["ConnectionStrings:contentdb"] = contentDb,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
        });
        var contentAddress = _content.StartOnLoopback();
        Content = new ContentClient(CallInvokerFor(contentAddress));

        _distribution = new ServiceFactory<Program>(new Dictionary<string, string?>(Identity.Configuration)
        {
            ["ConnectionStrings:distributiondb"] = distributionDb,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["Channels:BaseUrl"] = Sandbox.BaseUrl.ToString(),
            ["services:content:http:0"] = contentAddress.ToString(),
            ["Distribution:RetryDelay"] = "00:00:00.050",
            ["Distribution:PollInterval"] = "00:00:00.050",
            ["EventBus:OutboxPollInterval"] = "00:00:00.200",
        });
        var address = _distribution.StartOnLoopback();
        Client = new DistributionClient(CallInvokerFor(address));
        Database = NpgsqlDataSource.Create(distributionDb);
        EventBus = _distribution.Services.GetRequiredService<IEventBus>();
        Redis = _distribution.Services.GetRequiredService<IConnectionMultiplexer>();
    }

    public CallOptions As(Guid ownerId) =>
        new(new Metadata { { "authorization", $"Bearer {Identity.CreateAccessToken(ownerId)}" } });

    /// <summary>An approved event of a new owner, with an image made by Content and all six channels.</summary>
    public async Task<EventApprovedIntegrationEvent> ApprovedEventAsync()
    {
        var ownerId = Guid.CreateVersion7();
        var eventId = Guid.CreateVersion7();
        var images = await Content.GenerateImagesAsync(new GenerateImagesRequest
        {
            EventId = eventId.ToString(),
            Title = "겨울 한정 붕어빵 1+1",
            Prize = "붕어빵 세트",
            StoreName = "동네 붕어빵",
            Period = "12.01 – 12.14",
        }, As(ownerId));
        var startsAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));
        return new EventApprovedIntegrationEvent(
            eventId, ownerId, "동네 붕어빵", "0212345678", "겨울 한정 붕어빵 1+1", "붕어빵 세트", 10, "매장 방문 후 SNS 팔로우",
            ExpectedParticipants: 120, Guid.Parse(images.Images[0].ImageId), startsAt, startsAt.AddDays(14),
            [
                new("uridongne_tv", new Dictionary<string, string> { ["radius"] = "1km", ["timeSlot"] = "weekday_evening" }, 200_000, 30_000),
                new("ringo_biz", new Dictionary<string, string>(), 30_000, 1_500),
                new("genie_tv", new Dictionary<string, string> { ["region"] = "서울 마포구", ["timeSlot"] = "all_day", ["budget"] = "500000" }, 500_000, 20_000),
                new("instagram", new Dictionary<string, string>(), 0, 3_000),
                new("naver_blog", new Dictionary<string, string>(), 0, 2_000),
                new("kakao_channel", new Dictionary<string, string> { ["scheduledAt"] = "2026-12-01T10:00:00+09:00" }, 0, 2_500),
            ]);
    }

    /// <summary>Waits until every channel of the event is final (at most a minute, the budget of ARCHITECTURE.md §8).</summary>
    public async Task<EventDistribution> CompletedAsync(EventApprovedIntegrationEvent approved)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await CountAsync("SELECT count(*) FROM distribution_runs WHERE event_id = $1 AND completed_at IS NOT NULL", approved.EventId) == 1)
            {
                return await Client.GetDistributionAsync(new GetDistributionRequest { EventId = approved.EventId.ToString() }, As(approved.OwnerId));
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>
    /// Publishes a message this service's outbox already published, again, with the same message id:
    /// what the broker does when an ack is lost.
    /// </summary>
    public async Task RedeliverAsync(Guid messageId)
    {
        await using var read = Database.CreateCommand("SELECT routing_key, body::text FROM kt_outbox WHERE event_id = $1");
        read.Parameters.AddWithValue(messageId);
        string routingKey, body;
        await using (var reader = await read.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "The message was never published.");
            (routingKey, body) = (reader.GetString(0), reader.GetString(1));
        }

        var factory = new ConnectionFactory { Uri = new Uri(_rabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties
        {
            MessageId = messageId.ToString(),
            Type = routingKey,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync("kt.events", routingKey, mandatory: false, properties, System.Text.Encoding.UTF8.GetBytes(body));
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_distribution is not null)
        {
            await _distribution.DisposeAsync();
        }

        if (_content is not null)
        {
            await _content.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }
    }

    private CallInvoker CallInvokerFor(Uri address)
    {
        var http = H2c.CreateHttpClient();
        _clients.Add(http);
        return H2c.CreateCallInvoker(http, address);
    }
}
