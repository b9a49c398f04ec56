using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KtEvents.ServiceDefaults.Resilience;

/// <summary>
/// Binds <c>HttpClient:Resilience</c> into the options of every client name. <c>BindConfiguration</c>
/// binds one options name only, but here each named client has its own options instance (so that
/// one client can be tuned in code) and all of them must start from the configured values.
/// </summary>
internal sealed class ConfigureResilienceFromConfiguration(IConfiguration configuration)
    : IConfigureNamedOptions<HttpStandardResilienceOptions>
{
    public void Configure(string? name, HttpStandardResilienceOptions options) =>
        configuration.GetSection(HttpStandardResilienceOptions.SectionName).Bind(options);

    public void Configure(HttpStandardResilienceOptions options) => Configure(Options.DefaultName, options);
}
