using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A value the operator supplies (<c>Parameters:&lt;name&gt;</c> in run mode, an azd prompt at deployment).</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret));

    /// <summary>A secret the deployment generates, such as a server password.</summary>
    internal static ParameterResource AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ParameterResource(name, secret: true, new GenerateParameterDefault())).Resource;
}
