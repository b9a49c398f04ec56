namespace KtEvents.Hosting.ApplicationModel;

/// <summary>Whether the AppHost is running the system or writing its deployment manifest.</summary>
public sealed record DistributedApplicationExecutionContext(DistributedApplicationOperation Operation)
{
    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
