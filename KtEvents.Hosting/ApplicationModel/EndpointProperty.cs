namespace KtEvents.Hosting.ApplicationModel;

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    TargetPort,
}
