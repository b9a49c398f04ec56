using Microsoft.Extensions.DependencyInjection;

namespace KtEvents.ServiceDefaults.Telemetry;

/// <summary>
/// <c>services.AddOpenTelemetry()</c> with the name and shape of OpenTelemetry.Extensions.Hosting, which
/// cannot be restored here. Replacing this file with that package needs no change at the call sites.
/// </summary>
public static class OpenTelemetryServiceCollectionExtensions
{
    /// <summary>Starts OpenTelemetry configuration; providers are created when the host starts.</summary>
    public static OpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new OpenTelemetryBuilder(services);
    }
}
