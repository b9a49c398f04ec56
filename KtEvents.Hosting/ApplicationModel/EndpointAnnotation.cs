namespace KtEvents.Hosting.ApplicationModel;

/// <summary>
/// A port a resource listens on. <paramref name="Transport"/> is <c>http</c>, <c>http2</c> (gRPC over
/// h2c) or <c>tcp</c>. <paramref name="TargetPort"/> is the port inside the container or process;
/// <paramref name="Port"/> is the one others use (in run mode both are the same free port unless fixed).
/// </summary>
public sealed record EndpointAnnotation(
    string Name,
    string Scheme,
    string Transport,
    int? TargetPort = null,
    int? Port = null) : IResourceAnnotation
{
    public bool IsExternal { get; set; }
}
