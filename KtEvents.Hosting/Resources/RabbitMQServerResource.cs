using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Resources;

public sealed class RabbitMQServerResource(string name, ParameterResource userName, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    public ParameterResource UserName { get; } = userName;

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");

    public override IReadOnlyDictionary<string, IManifestExpressionProvider> ContainerEnvironment => new Dictionary<string, IManifestExpressionProvider>
    {
        ["RABBITMQ_DEFAULT_USER"] = UserName,
        ["RABBITMQ_DEFAULT_PASS"] = Password,
    };
}
