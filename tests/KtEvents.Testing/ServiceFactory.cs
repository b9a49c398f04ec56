using System.Net;

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
    /// <summary>Starts the service and returns its address (<c>http://127.0.0.1:port</c>).</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (Environment.GetEnvironmentVariable("KT_TEST_LOGS") != "1")
        {
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
