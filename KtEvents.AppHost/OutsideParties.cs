using KtEvents.Hosting;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.AppHost;

/// <summary>
/// Where the services find the world outside: in run mode the Sandbox answers for the 국세청 API, the
/// six channels and Claude's Messages API (http://sandbox); a published deployment gets the real hosts
/// and keys as parameters.
/// </summary>
internal sealed class OutsideParties(IDistributedApplicationBuilder builder)
{
    private const string ClaudeSetting = "AppHost:Claude";

    private readonly IResourceBuilder<ProjectResource>? _sandbox = builder.ExecutionContext.IsRunMode
        ? builder.AddProject("sandbox", "../services/Sandbox/KtEvents.Sandbox.csproj")
        : null;

    public void Nts(IResourceBuilder<ProjectResource> service)
    {
        Use(service, "Nts__BaseUrl", "nts-base-url");
        if (_sandbox is null)
        {
            // The data.go.kr service key; the Sandbox's own key is in the User service's appsettings.
            service.WithEnvironment("Nts__ServiceKey", builder.AddParameter("nts-service-key", secret: true));
        }
    }

    public void Channels(IResourceBuilder<ProjectResource> service) => Use(service, "Channels__BaseUrl", "channels-base-url");

    /// <summary>
    /// Claude for the Ai service. Run mode talks to the Sandbox's double with a development key, so the
    /// Claude path (two parallel calls, validation, fallbacks) and its trace are what a developer sees;
    /// the Sandbox accepts any key. A deployment asks for the real key as a secret and uses Anthropic's
    /// default base URL. Without a key the Ai service answers from its data engine alone, which run
    /// mode offers with <c>--AppHost:Claude=none</c> (the AI benchmark measures that engine this way).
    /// </summary>
    public void Claude(IResourceBuilder<ProjectResource> ai)
    {
        if (_sandbox is not null)
        {
            if (!RunModeUsesClaude())
            {
                return;
            }
            ai.WithReference(_sandbox).WaitFor(_sandbox)
                .WithEnvironment("Claude__BaseUrl", "http://sandbox")
                .WithEnvironment("Claude__ApiKey", "sandbox-development-key");
        }
        else
        {
            ai.WithEnvironment("Claude__ApiKey", builder.AddParameter("anthropic-api-key", secret: true));
        }
    }

    /// <summary>
    /// <c>AppHost:Claude</c>, run mode only: <c>sandbox</c> (the default) points the Ai service at the
    /// Sandbox's double; <c>none</c> gives it no key, so its data engine answers alone, as in a
    /// deployment without an Anthropic key. A published manifest never depends on it.
    /// </summary>
    private bool RunModeUsesClaude()
    {
        var choice = builder.Configuration[ClaudeSetting]?.Trim();
        if (string.IsNullOrEmpty(choice) || string.Equals(choice, "sandbox", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(choice, "none", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        throw new InvalidOperationException($"{ClaudeSetting} is '{choice}'; it must be 'sandbox' (the default) or 'none'.");
    }

    private void Use(IResourceBuilder<ProjectResource> service, string setting, string parameter)
    {
        if (_sandbox is not null)
        {
            service.WithReference(_sandbox).WaitFor(_sandbox);
        }
        else
        {
            service.WithEnvironment(setting, builder.AddParameter(parameter));
        }
    }
}
