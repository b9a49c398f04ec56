using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting;

public static class RabbitMQBuilderExtensions
{
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMQServerResource(
                name, builder.AddGeneratedSecret($"{name}-username"), builder.AddGeneratedSecret($"{name}-password")))
            .WithAnnotation(new ContainerImageAnnotation("docker.io", "library/rabbitmq", ContainerImageTags.RabbitMQ))
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", "tcp", TargetPort: 5672));
}
