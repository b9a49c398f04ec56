using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting;

public static class PostgresBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null)
    {
        var server = new PostgresServerResource(name, password?.Resource ?? builder.AddGeneratedSecret($"{name}-password"));
        return builder.AddResource(server)
            .WithAnnotation(new ContainerImageAnnotation("docker.io", "library/postgres", ContainerImageTags.Postgres))
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", "tcp", TargetPort: 5432));
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database);
    }
}
