using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

public sealed class PostgresServerResource(string name, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public ParameterResource Password { get; } = password;

    public List<PostgresDatabaseResource> Databases { get; } = [];

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");

    public override IReadOnlyDictionary<string, IManifestExpressionProvider> ContainerEnvironment => new Dictionary<string, IManifestExpressionProvider>
    {
        ["POSTGRES_HOST_AUTH_METHOD"] = Literal.Of("scram-sha-256"),
        ["POSTGRES_INITDB_ARGS"] = Literal.Of("--auth-host=scram-sha-256 --auth-local=scram-sha-256"),
        ["POSTGRES_USER"] = Literal.Of(UserName),
        ["POSTGRES_PASSWORD"] = Password,
    };
}
