namespace KtEvents.Hosting.ApplicationModel;

public sealed class EndpointPropertyReference(EndpointReference endpoint, EndpointProperty property) : IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression => Property switch
    {
        EndpointProperty.Url => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.url}}",
        EndpointProperty.Host => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.host}}",
        EndpointProperty.Port => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.port}}",
        EndpointProperty.TargetPort => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.targetPort}}",
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    };
}
