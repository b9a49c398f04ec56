namespace KtEvents.Dashboard.Rendering;

/// <summary>
/// A colour class per service, by the service's place in the store's sorted list: stable while
/// the set of services is, and different for up to twelve services (the stylesheet's c0…c11).
/// </summary>
internal sealed class ServicePalette(IEnumerable<string> services)
{
    private const int Colours = 12;

    private readonly List<string> order = [.. services];

    public string ClassOf(string service)
    {
        var index = order.IndexOf(service);
        return "c" + ((index < 0 ? service.Sum(c => c) : index) % Colours);
    }
}
