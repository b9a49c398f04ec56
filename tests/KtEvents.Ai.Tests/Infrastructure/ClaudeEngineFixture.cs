using KtEvents.Contracts.Clients;
using KtEvents.Rpc;
using KtEvents.Testing;

namespace KtEvents.Ai.Tests.Infrastructure;

/// <summary>The Claude double, a database and a test identity shared by the Claude engine's tests.</summary>
public sealed class ClaudeEngineFixture : IAsyncLifetime
{
    private TestIdentity? identity;
    // The services here consume queue kt-ai too; on a broker of their own they cannot take the
    // EventEnded messages meant for AiServiceFixture's service, which runs at the same time.
    private RabbitMqServer? rabbitMq;
    private int _nextDay = 20;

    public ClaudeSandbox Sandbox { get; private set; } = null!;

    public TestIdentity Identity => identity!;

    private Dictionary<string, string?> BaseSettings { get; } = [];

    public async Task InitializeAsync()
    {
        var postgres = await SharedServers.PostgresAsync();
        var redis = await SharedServers.RedisAsync();
        identity = await TestIdentity.StartAsync();
        Sandbox = await ClaudeSandbox.StartAsync();
        foreach (var (key, value) in identity.Configuration)
        {
            BaseSettings[key] = value;
        }
        BaseSettings["ConnectionStrings:aidb"] = await postgres.CreateDatabaseAsync($"ai_claude_{Guid.NewGuid():N}");
        BaseSettings["ConnectionStrings:cache"] = redis.ConnectionString;
        rabbitMq = await RabbitMqServer.StartNewAsync();
        BaseSettings["ConnectionStrings:messaging"] = rabbitMq.ConnectionString;
    }

    /// <summary>
    /// An Ai service whose Claude engine uses <paramref name="apiKey"/> against the double, with short
    /// limits (call 3 s, budget 4 s) unless <paramref name="settings"/> say otherwise.
    /// </summary>
    public AiUnderTest Start(string apiKey, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(BaseSettings)
        {
            ["Claude:ApiKey"] = apiKey,
            ["Claude:BaseUrl"] = Sandbox.BaseUrl.ToString(),
            ["Claude:CallTimeout"] = "00:00:03",
            ["Claude:Budget"] = "00:00:04",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var factory = new ServiceFactory<Program>(all);
        Uri address;
        try
        {
            address = factory.StartOnLoopback();
        }
        catch
        {
            factory.Dispose();
            throw;
        }
        var http = H2c.CreateHttpClient(address);
        return new AiUnderTest(factory, http, new AiClient(H2c.CreateCallInvoker(http, address)));
    }

    /// <summary>A date no other test of this collection asks for, so no test meets another's cached reply.</summary>
    public string NextDate() =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(Interlocked.Increment(ref _nextDay)).ToString("yyyy-MM-dd");

    public CallOptions AsOwner() =>
        new(new Metadata { { "authorization", "Bearer " + Identity.CreateAccessToken(Guid.CreateVersion7()) } });

    public async Task DisposeAsync()
    {
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
        if (identity is not null)
        {
            await identity.DisposeAsync();
        }
        if (rabbitMq is not null)
        {
            await rabbitMq.DisposeAsync();
        }
    }
}

/// <summary>One Ai service of a test, and its client.</summary>
public sealed class AiUnderTest(ServiceFactory<Program> factory, HttpClient http, AiClient client) : IAsyncDisposable
{
    public AiClient Client => client;

    public IServiceProvider Services => factory.Services;

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
    }
}
