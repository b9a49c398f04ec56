using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting;

public static class RedisBuilderExtensions
{
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RedisResource(name, builder.AddGeneratedSecret($"{name}-password")))
            .WithAnnotation(new ContainerImageAnnotation("docker.io", "library/redis", ContainerImageTags.Redis))
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", "tcp", TargetPort: 6379));
}
