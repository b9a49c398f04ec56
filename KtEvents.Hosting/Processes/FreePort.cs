using System.Net;
using System.Net.Sockets;

namespace KtEvents.Hosting.Processes;

public static class FreePort
{
    /// <summary>A loopback port the kernel considered free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
