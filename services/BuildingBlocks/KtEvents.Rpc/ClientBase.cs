namespace KtEvents.Rpc;

/// <summary>
/// Base of a typed client: a thin class per service whose static <see cref="Method{TRequest,TResponse}"/>
/// fields are resolved from the service descriptor, and whose methods each make one call:
/// <code>
/// public sealed class EventClient(CallInvoker callInvoker) : ClientBase(callInvoker)
/// {
///     private static readonly ServiceDescriptor Service = EventReflection.Descriptor.GetService("EventService");
///     private static readonly Method&lt;GetEventRequest, GetEventReply&gt; GetEventMethod =
///         Method&lt;GetEventRequest, GetEventReply&gt;.Resolve(Service, "GetEvent");
///
///     private static readonly Method&lt;WatchEventRequest, EventChange&gt; WatchMethod =
///         Method&lt;WatchEventRequest, EventChange&gt;.Resolve(Service, "Watch");
///
///     public AsyncUnaryCall&lt;GetEventReply&gt; GetEventAsync(GetEventRequest request, CallOptions options = default) =>
///         CallInvoker.AsyncUnaryCall(GetEventMethod, options, request);
///
///     // A server-streaming rpc, as Grpc.Tools generates it.
///     public virtual AsyncServerStreamingCall&lt;EventChange&gt; Watch(WatchEventRequest request, CallOptions options = default) =>
///         CallInvoker.AsyncServerStreamingCall(WatchMethod, null, options, request);
/// }
/// </code>
/// </summary>
public abstract class ClientBase(CallInvoker callInvoker)
{
    protected CallInvoker CallInvoker { get; } = callInvoker;
}
