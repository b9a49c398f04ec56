using Microsoft.AspNetCore.Builder;

namespace KtEvents.Rpc.Server;

/// <summary>
/// What <c>MapGrpcService&lt;T&gt;()</c> returns: conventions such as <c>RequireAuthorization()</c> apply to
/// every rpc endpoint of the service.
/// </summary>
internal sealed class GrpcServiceEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> endpoints)
    : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var endpoint in endpoints)
        {
            endpoint.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var endpoint in endpoints)
        {
            endpoint.Finally(finallyConvention);
        }
    }
}
