using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace KtEvents.Distribution.Tests.Infrastructure;

/// <summary>A real service (<typeparamref name="TProgram"/>) with the test's settings. KT_TEST_LOGS=1 shows its logs.</summary>
internal sealed class ServiceFactory<TProgram>(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TProgram>
    where TProgram : class
{
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
