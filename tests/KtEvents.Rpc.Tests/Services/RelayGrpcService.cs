using Google.Protobuf.Reflection;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests.Services;

/// <summary>A service calling another on its caller's behalf, through a client that forwards the JWT.</summary>
public sealed class RelayGrpcService(EchoClient echo) : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestingReflection.Descriptor.GetService("RelayService");

    public async Task<EchoReply> Relay(EchoRequest request, ServerCallContext context) =>
        await echo.EchoAsync(request, new CallOptions(cancellationToken: context.CancellationToken));
}
