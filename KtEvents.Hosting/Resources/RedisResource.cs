using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

public sealed class RedisResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    public ParameterResource Password { get; } = password;

    /// <summary>StackExchange.Redis's format, which KtEvents.Caching reads.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={Password}");

    public override IReadOnlyDictionary<string, IManifestExpressionProvider> ContainerEnvironment => new Dictionary<string, IManifestExpressionProvider>
    {
        ["REDIS_PASSWORD"] = Password,
    };

    // The image's entrypoint takes no password option; the shell expands it from the environment so
    // that it never appears in the manifest.
    public override IReadOnlyList<string> ContainerArgs => ["-c", "redis-server --requirepass $REDIS_PASSWORD"];

    public static string Entrypoint => "/bin/sh";
}
