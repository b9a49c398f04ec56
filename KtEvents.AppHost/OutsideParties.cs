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
    /// default base URL. Without a key the Ai service answers from its data engine alone.
    /// </summary>
    public void Claude(IResourceBuilder<ProjectResource> ai)
    {
        if (_sandbox is not null)
        {
            ai.WithReference(_sandbox).WaitFor(_sandbox)
                .WithEnvironment("Claude__BaseUrl", "http://sandbox")
                .WithEnvironment("Claude__ApiKey", "sandbox-development-key");
        }
        else
        {
            ai.WithEnvironment("Claude__ApiKey", builder.AddParameter("anthropic-api-key", secret: true));
        }
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
