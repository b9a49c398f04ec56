namespace KtEvents.Dashboard.Resources;

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Unhealthy,
}
