using System.Net.Sockets;
using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// A server that configuration names with <c>ConnectionStrings:&lt;name&gt;</c>: the AppHost starts
/// nothing and only checks that something answers on its host and port.
/// </summary>
internal sealed class ExistingServerInstance(IResourceWithConnectionString model, string type, RunContext context)
    : ResourceInstance(model.Name, model.Name, $"{type} (existing)", context)
{
    private readonly (string Host, int Port) address = HostAndPort(context.Expressions.ConfiguredConnectionString(model)!);

    public override bool IsInfrastructure => true;

    protected override bool IsAlive => true;

    protected override Task LaunchAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancellationToken);
        return true;
    }

    protected override Task TerminateAsync() => Task.CompletedTask;

    /// <summary>Reads host and port from the three connection string forms the system uses.</summary>
    internal static (string Host, int Port) HostAndPort(string connectionString)
    {
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps")
        {
            return (uri.Host, uri.IsDefaultPort ? 5672 : uri.Port);
        }
        if (connectionString.Contains('='))
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return (builder.Host ?? "localhost", builder.Port);
        }
        var endpoint = connectionString.Split(',')[0];
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var port) ? (endpoint[..colon], port) : (endpoint, 6379);
    }
}
