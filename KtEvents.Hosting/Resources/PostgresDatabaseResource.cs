using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

/// <summary>A database on a <see cref="PostgresServerResource"/>; the AppHost creates it in run mode.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = server;

    public IResource Parent => Server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{(IManifestExpressionProvider)Server};Database={DatabaseName}");
}
