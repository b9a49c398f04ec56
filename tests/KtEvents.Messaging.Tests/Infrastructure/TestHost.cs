using KtEvents.Data;
using KtEvents.Messaging.EventBus;
using KtEvents.Messaging.Tests.Handlers;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KtEvents.Messaging.Tests.Infrastructure;

/// <summary>
/// A service host as a KtEvents service builds it (AddNpgsqlDataSource, AddRabbitMQClient,
/// AddEventBus), with delays shortened so that outages and retries play out in seconds.
/// Set KT_TEST_LOGS=1 to see its logs on the console.
/// </summary>
internal static class TestHost
{
    public static IHost Create(
        string databaseConnectionString,
        string brokerConnectionString,
        string queueName,
        Action<IEventBusBuilder>? subscribe = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
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
        return builder.Build();
    }
}
