using System.Net;
using System.Runtime.ExceptionServices;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KtEvents.Testing;

/// <summary>
/// A real service (<typeparamref name="TProgram"/>) with the test's settings, started on Kestrel at a
/// free loopback port: gRPC needs HTTP/2, which TestServer's in-memory transport does not give.
/// Its logs are hidden unless KT_TEST_LOGS=1.
/// </summary>
public sealed class ServiceFactory<TProgram>(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly HostStartFailureLog startFailures = new();

    /// <summary>
    /// Starts the service and returns its address (<c>http://127.0.0.1:port</c>). A service that fails to
    /// start throws what stopped it (a bad setting's validation error, say).
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        try
        {
            StartServer();
        }
        catch (ObjectDisposedException) when (startFailures.Failure is { } failure)
        {
            // The factory runs Program's own app.Run(), whose thread disposes the host once its start
            // failed; the factory, waiting on that host, can then meet the disposed host before it sees
            // the failure. The host logged the failure before disposing, so that is the one to throw.
            ExceptionDispatchInfo.Throw(failure);
        }

        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            if (Environment.GetEnvironmentVariable("KT_TEST_LOGS") != "1")
            {
                logging.ClearProviders();
            }
            logging.AddProvider(startFailures);
        });
    }

    /// <summary>Keeps the exception of the host's "Hosting failed to start" error (Host, event 11).</summary>
    private sealed class HostStartFailureLog : ILoggerProvider, ILogger
    {
        private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
        private const int StartFailedEventId = 11;

        private Exception? failure;

        public Exception? Failure => Volatile.Read(ref failure);

        public ILogger CreateLogger(string categoryName) => categoryName == HostCategory ? this : NullLogger;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == StartFailedEventId && exception is not null)
            {
                Interlocked.CompareExchange(ref failure, exception, null);
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose()
        {
        }

        private static ILogger NullLogger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
