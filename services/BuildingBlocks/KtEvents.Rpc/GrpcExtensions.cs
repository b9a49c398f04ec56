// KtEvents.Rpc: unary and server-streaming gRPC over HTTP/2 on Kestrel and HttpClient.
//
// Why it exists: Grpc.AspNetCore and Grpc.Net.Client do not restore from this workplace's NuGet mirror;
// Google.Protobuf and Grpc.Tools do. So protoc generates the messages and descriptors
// (GrpcServices="None") and this block carries the calls, speaking the real gRPC wire format
// (grpc/grpc doc/PROTOCOL-HTTP2.md) so that any gRPC peer interoperates (tested against @grpc/grpc-js):
// 5-byte length-prefixed messages, content-type application/grpc, te: trailers, grpc-status and
// percent-encoded grpc-message in trailers (Trailers-Only for immediate errors), grpc-timeout
// deadlines (H/M/S/m/u/n), gzip-compressed messages read (never sent), HTTP-status and RST_STREAM
// mapping on the client. Grpc's public names are kept (AddGrpc, MapGrpcService, ServerCallContext,
// RpcException, Status, StatusCode, Metadata, CallOptions, AsyncUnaryCall, AsyncServerStreamingCall,
// IServerStreamWriter, IAsyncStreamReader, ReadAllAsync, MethodType, AddGrpcClient), so swapping
// the real library in is: change the usings, derive services from the generated *Base classes, and
// let Grpc.Tools generate the clients.
//
// Server:
//   builder.Services.AddGrpc();                      // options: MaxReceiveMessageSize (4 MB), MaxSendMessageSize
//   app.MapGrpcService<EventGrpcService>();          // returns a builder: .RequireAuthorization() etc.
// A service class implements IGrpcService (static Descriptor => EventReflection.Descriptor.GetService(
// "EventService")) and has one public method per rpc:
//   unary             public async Task<GetEventReply> GetEvent(GetEventRequest request, ServerCallContext context)
//   server streaming  public async Task Watch(WatchRequest request, IServerStreamWriter<Change> responseStream,
//                                             ServerCallContext context)
// Routes (/kt.event.v1.EventService/GetEvent) come from the descriptor. Startup fails, naming the rpc and
// the signature it needs, if an rpc has no such method or one of the other shape. Unknown rpc →
// UNIMPLEMENTED; RpcException → its status; any other exception → INTERNAL with a fixed text (logged,
// not sent); message over the limit → RESOURCE_EXHAUSTED;
// compressed with an encoding we lack → UNIMPLEMENTED. ServerCallContext has Deadline, a
// CancellationToken (deadline or caller gone), RequestHeaders, ResponseTrailers, User (the principal of
// ASP.NET Core authentication: callers' JWTs are checked by the normal middleware) and GetHttpContext().
// [Authorize] on the class or a method applies to its endpoints.
// A stream: each responseStream.WriteAsync(message) frames one message and flushes it, so the caller
// has it at once (the flush waits while the caller's HTTP/2 window is full: a slow reader slows the
// writer). Response headers go out with the first message; the status and ResponseTrailers follow the
// last one in trailers, also when the method throws after writing (RpcException → its status, other →
// INTERNAL); a failure before any message is Trailers-Only as for unary. The send limit applies per
// message. When the deadline passes or the caller goes away, context.CancellationToken fires and
// further writes throw OperationCanceledException; the call ends DEADLINE_EXCEEDED (or, caller gone,
// with nothing sent). Only one write may be pending at a time.
//
// Client:
//   builder.Services.AddGrpcClient<EventClient>(o => o.Address = new Uri("http://event"))
//       .ForwardAuthorization();                     // opt-in: send the served request's JWT onwards
//   var reply = await events.GetEventAsync(request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)));
//   using var call = events.Watch(new WatchRequest { EventId = id }, new CallOptions(cancellationToken: ct));
//   await foreach (var change in call.ResponseStream.ReadAllAsync(ct)) { … }   // or MoveNext(ct)/Current
// A typed client derives from ClientBase and resolves its rpcs from the descriptor in static fields
// (Method<TReq, TRes>.Resolve(service, "GetEvent"), whose Type says Unary or ServerStreaming) and calls
// CallInvoker.AsyncUnaryCall or CallInvoker.AsyncServerStreamingCall(method, null, options, request), as
// Grpc.Tools-generated clients do; AddGrpcClient runs that at registration, so a misspelt rpc fails at
// startup. A stream's messages are read as they arrive; a non-OK status at its end is thrown as
// RpcException from MoveNext (after the messages before it); the deadline covers the whole stream;
// GetStatus()/GetTrailers() once it has ended; Dispose() cancels an unfinished call (the server's
// token fires), so always `using` the call. Calls go through a named IHttpClientFactory client, so the
// handlers ServiceDefaults adds to every HttpClient (service discovery, resilience) apply. Failures surface as
// RpcException(StatusCode). HttpClient's diagnostics inject the W3C traceparent and ASP.NET Core picks
// it up, so one trace spans the call; the "KtEvents.Rpc" ActivitySource adds a client span per call
// (for a stream, from the request until the stream ends, fails or is disposed).
//
// HTTP/2 without TLS (h2c) needs an Http2-only endpoint. Measured on .NET 10 Kestrel (see
// Http2CleartextTests): a cleartext endpoint with HttpProtocols.Http1AndHttp2 logs "HTTP/2 is not
// enabled … HTTP/2 requires TLS application protocol negotiation" and answers a prior-knowledge HTTP/2
// connection with GOAWAY HTTP_1_1_REQUIRED; only HttpProtocols.Http2 accepts it (and then answers
// HTTP/1.1 requests with 400). So AddGrpc() makes Http2 Kestrel's endpoint default: a gRPC service
// serves everything, /health included, over h2c on its one port (probe it with HTTP/2 prior knowledge,
// e.g. `curl --http2-prior-knowledge`), whether Kestrel's endpoints come from ASPNETCORE_URLS,
// Kestrel:Endpoints configuration or code (checked on .NET 10). An endpoint that also needs HTTP/1.1
// sets its own Protocols, in code or in Kestrel:Endpoints:<name>:Protocols, on a port of its own;
// Kestrel:EndpointDefaults:Protocols in configuration is overridden by this code default. eShop makes
// the same choice for its gRPC service (Kestrel:EndpointDefaults:Protocols = Http2 in Basket.API).
//
// Not here: client-streaming and bidirectional-streaming rpcs (mapping or resolving one fails at
// startup, naming it), WriteOptions and ServerCallContext.WriteResponseHeadersAsync, compressing what we
// send, server reflection.
using KtEvents.Rpc;
using KtEvents.Rpc.Client;
using KtEvents.Rpc.Server;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Where Grpc.AspNetCore puts these too, so call sites need no using and survive the swap.
namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcExtensions
{
    /// <summary>Registers the gRPC server and makes Kestrel endpoints HTTP/2-only (see the file header).</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        services.AddRouting();
        services.AddOptions<GrpcServiceOptions>().Configure(configure ?? (_ => { }));
        services.TryAddSingleton<GrpcServiceRegistry>();
        // First in line, so that endpoints declared in code by a ConfigureKestrel registered earlier get
        // the default too; an endpoint that sets its own Protocols still overrides it.
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>>(
            new ConfigureOptions<KestrelServerOptions>(kestrel =>
                kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2))));
        return services;
    }

    /// <summary>Maps every rpc of <typeparamref name="TService"/>'s descriptor, failing if one is not implemented.</summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IGrpcService =>
        GrpcEndpointMapper.Map(endpoints, typeof(TService), TService.Descriptor);

    public static IHttpClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, Action<GrpcClientFactoryOptions> configure)
        where TClient : ClientBase =>
        GrpcClientRegistration.Add<TClient>(services, (_, options) => configure(options));

    /// <summary>As above, for an Address that depends on other services (e.g. configuration).</summary>
    public static IHttpClientBuilder AddGrpcClient<TClient>(
        this IServiceCollection services, Action<IServiceProvider, GrpcClientFactoryOptions> configure)
        where TClient : ClientBase =>
        GrpcClientRegistration.Add<TClient>(services, configure);

    /// <summary>
    /// Opt-in: calls made while serving a request carry that request's Authorization header (the
    /// owner's JWT) unless the call sets its own.
    /// </summary>
    public static IHttpClientBuilder ForwardAuthorization(this IHttpClientBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddTransient<ForwardAuthorizationHandler>();
        return builder.AddHttpMessageHandler<ForwardAuthorizationHandler>();
    }
}
