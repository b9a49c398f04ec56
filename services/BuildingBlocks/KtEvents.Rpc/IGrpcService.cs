using Google.Protobuf.Reflection;

namespace KtEvents.Rpc;

/// <summary>
/// A class that implements one service of a <c>.proto</c>. It names the service by its generated
/// descriptor, and has one public method per rpc, named as the rpc, with its message types and the shape
/// of its kind (client and bidirectional streaming are not supported):
/// <code>
/// public sealed class EventGrpcService(EventRepository events) : IGrpcService
/// {
///     public static ServiceDescriptor Descriptor => EventReflection.Descriptor.GetService("EventService");
///
///     public async Task&lt;GetEventReply&gt; GetEvent(GetEventRequest request, ServerCallContext context) { … }
///
///     // rpc Watch (WatchEventRequest) returns (stream EventChange);
///     public async Task Watch(WatchEventRequest request, IServerStreamWriter&lt;EventChange&gt; responseStream, ServerCallContext context)
///     {
///         await foreach (var change in changes.ReadAllAsync(context.CancellationToken))
///         {
///             await responseStream.WriteAsync(change);
///         }
///     }
/// }
/// </code>
/// <c>MapGrpcService&lt;T&gt;()</c> checks every rpc against these methods at startup. With Grpc.AspNetCore
/// the class would derive from the generated <c>EventService.EventServiceBase</c> and add <c>override</c>.
/// In a Web SDK project <c>ServiceDescriptor</c> is also DI's type (an implicit using), so alias it:
/// <c>using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;</c>.
/// </summary>
public interface IGrpcService
{
    static abstract ServiceDescriptor Descriptor { get; }
}
