using System.Net.Sockets;
using System.Security.Claims;

using Microsoft.AspNetCore.Http;

namespace KtEvents.Rpc;

/// <summary>
/// What a service method knows about its call, with Grpc.Core's names: the deadline, a token that fires
/// when the deadline passes or the caller goes away, the request metadata, the trailers to send back,
/// and the ASP.NET Core request itself (so the caller's JWT, checked by the normal authentication
/// middleware, is <see cref="User"/>).
/// </summary>
public sealed class ServerCallContext
{
    private readonly HttpContext _httpContext;

    internal ServerCallContext(
        HttpContext httpContext, string method, DateTime deadline, Metadata requestHeaders, CancellationToken cancellationToken)
    {
        _httpContext = httpContext;
        Method = method;
        Deadline = deadline;
        RequestHeaders = requestHeaders;
        CancellationToken = cancellationToken;
    }

    /// <summary>The full method path, e.g. <c>/kt.event.v1.EventService/GetEvent</c>.</summary>
    public string Method { get; }

    public string Host => _httpContext.Request.Host.Value ?? "";

    /// <summary>The caller's address in gRPC's form, e.g. <c>ipv4:127.0.0.1:50412</c>.</summary>
    public string Peer
    {
        get
        {
            var connection = _httpContext.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
                var ip => $"ipv4:{ip}:{connection.RemotePort}",
            };
        }
    }

    /// <summary>When the caller stops waiting (UTC); <see cref="DateTime.MaxValue"/> if it sent no grpc-timeout.</summary>
    public DateTime Deadline { get; }

    public Metadata RequestHeaders { get; }

    /// <summary>Sent with the status, whether the call succeeds or fails.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>Fires when the deadline passes or the caller cancels (the request is aborted).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The authenticated caller; the same as <c>GetHttpContext().User</c>.</summary>
    public ClaimsPrincipal User => _httpContext.User;

    /// <summary>The ASP.NET Core request behind the call (Grpc.AspNetCore has this as an extension method).</summary>
    public HttpContext GetHttpContext() => _httpContext;
}
