namespace KtEvents.Hosting.ApplicationModel;

/// <summary>One endpoint of a resource, as others refer to it: <c>{event.bindings.http.url}</c>.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName) : IManifestExpressionProvider
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Annotation =>
        Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public string ValueExpression => Property(EndpointProperty.Url).ValueExpression;

    public EndpointPropertyReference Property(EndpointProperty property) => new(this, property);
}
