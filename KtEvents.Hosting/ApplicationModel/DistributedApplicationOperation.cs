namespace KtEvents.Hosting.ApplicationModel;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}
