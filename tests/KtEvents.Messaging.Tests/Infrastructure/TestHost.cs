using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

using KtEvents.Data;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Handlers;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>
/// A service host as a KtEvents service builds it (AddNpgsqlDataSource, AddRabbitMQClient,
/// AddEventBus), with delays shortened so that outages and retries play out in seconds.
/// Set KT_TEST_LOGS=1 to see its logs on the console.
/// </summary>
/// <remarks>
/// Test classes run in parallel against one shared broker, and <c>kt.events</c> hands an event to every
/// queue bound to its routing key. A class subscribing to an event type another class also uses would
/// handle that class's messages too (the retry test once found the after-commit test's poison pill in its
/// retry queue), so each routing key belongs to one test file, and <see cref="Create"/> refuses a second.
/// </remarks>
internal static class TestHost
{
    private static readonly ConcurrentDictionary<(string Broker, string RoutingKey), string> RoutingKeyOwners = new();

    public static IHost Create(
        string databaseConnectionString,
        string brokerConnectionString,
        string queueName,
        Action<IEventBusBuilder>? subscribe = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        [CallerFilePath] string testFile = "")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // No appsettings or environment variables: the test decides every setting.
            DisableDefaults = true,
            ApplicationName = "KtEvents.Messaging.Tests",
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:servicedb"] = databaseConnectionString,
            ["ConnectionStrings:messaging"] = brokerConnectionString,
            ["Aspire:RabbitMQ:Client:NetworkRecoveryInterval"] = "00:00:01",
            ["EventBus:ReconnectDelay"] = "00:00:00.200",
            ["EventBus:MaxReconnectDelay"] = "00:00:02",
            ["EventBus:RetryDelay"] = "00:00:00.200",
            ["EventBus:MaxRetryDelay"] = "00:00:01",
            ["EventBus:OutboxPollInterval"] = "00:00:02",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        if (Environment.GetEnvironmentVariable("KT_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Debug);
        }

        builder.AddNpgsqlDataSource("servicedb");
        builder.AddRabbitMQClient("messaging");
        var eventBus = builder.AddEventBus(queueName);
        subscribe?.Invoke(eventBus);
        builder.Services.AddSingleton<HandlerProbe>();
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        ClaimRoutingKeys(host, brokerConnectionString, testFile);
        return host;
    }

    private static void ClaimRoutingKeys(IHost host, string broker, string testFile)
    {
        foreach (var routingKey in host.Services.GetRequiredService<IOptions<EventBusSubscriptionInfo>>().Value.EventTypes.Keys)
        {
            var owner = RoutingKeyOwners.GetOrAdd((broker, routingKey), testFile);
            if (owner != testFile)
            {
                host.Dispose();
                throw new InvalidOperationException(
                    $"{Path.GetFileName(testFile)} subscribes to '{routingKey}', which {Path.GetFileName(owner)} already uses on the same broker. " +
                    "Test classes run in parallel and the exchange delivers each event to every queue bound to its key: give this class an event type of its own.");
            }
        }
    }
}
