namespace KtEvents.Rpc.Server;

/// <summary>The services this app serves, so an unknown path can say "no such method" or "no such service".</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly HashSet<string> _services = [];

    public bool IsEmpty
    {
        get
        {
            lock (_services)
            {
                return _services.Count == 0;
            }
        }
    }

    public bool Contains(string service)
    {
        lock (_services)
        {
            return _services.Contains(service);
        }
    }

    public void Add(string service, Type implementation)
    {
        lock (_services)
        {
            if (!_services.Add(service))
            {
                throw new InvalidOperationException(
                    $"gRPC service {service} is mapped twice (the second time by {implementation.Name}).");
            }
        }
    }
}
