using KtEvents.Hosting;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.AppHost;

/// <summary>
/// Where the services find the world outside: in run mode the Sandbox answers for the 국세청 API and
/// the six channels (http://sandbox); a published deployment gets the real hosts as parameters.
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
