using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KtEvents.Rpc.Server;

/// <summary>
/// Turns a bound service into endpoints: one POST route per rpc at the path the descriptor dictates,
/// carrying the implementation's attributes (so <c>[Authorize]</c> on the class or a method works),
/// plus, once per app, the catch-all that answers unknown rpcs with UNIMPLEMENTED.
/// </summary>
internal static class GrpcEndpointMapper
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, Type serviceType, ServiceDescriptor service)
    {
        var registry = endpoints.ServiceProvider.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddGrpc() before MapGrpcService<T>().");
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("KtEvents.Rpc.Server");

        var bound = ServiceBinder.Bind(serviceType, service);
        if (registry.IsEmpty)
        {
            endpoints.MapPost("{service}/{method}", new RequestDelegate(new UnimplementedCallHandler(registry).HandleAsync))
                .WithDisplayName("gRPC - unimplemented")
                .Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
        }

        registry.Add(service.FullName, serviceType);

        var builders = new List<IEndpointConventionBuilder>();
        var classAttributes = serviceType.GetCustomAttributes(inherit: true);
        foreach (var method in bound)
        {
            ServerCallHandler handler = method.Invoker switch
            {
                IServerStreamingMethodInvoker streaming => new ServerStreamingCallHandler(method, streaming, options, logger),
                IUnaryMethodInvoker unary => new UnaryServerCallHandler(method, unary, options, logger),
                _ => throw new InvalidOperationException($"No call handler for {method.Path}."),
            };
            builders.Add(endpoints.MapPost(method.Path, new RequestDelegate(handler.HandleAsync))
                .WithDisplayName($"gRPC - {method.Path}")
                .WithMetadata([.. classAttributes, .. method.Implementation.GetCustomAttributes(inherit: true)]));
        }

        return new GrpcServiceEndpointConventionBuilder(builders);
    }
}
