using System.Globalization;

using Google.Protobuf;

using KtEvents.Rpc.Wire;

using Microsoft.AspNetCore.Http;

namespace KtEvents.Rpc.Server;

/// <summary>
/// Writes the end of a server call. Unary success: headers, one framed message, then grpc-status 0 and
/// the trailers. A stream's end: its messages are out already, so the status (OK or not) and the
/// trailers follow them. Failure before any message: Trailers-Only, i.e. status, message and trailers in
/// the single HEADERS frame that also ends the stream, as the spec prescribes for an immediate error.
/// </summary>
internal static class ServerResponse
{
    public static void WriteMessage(HttpContext httpContext, IMessage message, int framedSize, Metadata trailers)
    {
        var response = StartResponse(httpContext);
        var span = response.BodyWriter.GetSpan(framedSize)[..framedSize];
        MessageFraming.Write(message, span);
        response.BodyWriter.Advance(framedSize);

        // Kestrel flushes the body and sends these trailers when the request delegate returns.
        response.AppendTrailer(GrpcProtocol.StatusHeader, "0");
        foreach (var entry in trailers)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                response.AppendTrailer(entry.Key, entry.ToWireValue());
            }
        }
    }

    /// <summary>
    /// Ends a stream with <paramref name="status"/> in trailers, after its messages (or, for an empty
    /// stream, after headers alone; Kestrel sends the headers, then the trailers with END_STREAM).
    /// </summary>
    public static void WriteTrailers(HttpContext httpContext, Status status, Metadata trailers)
    {
        var response = httpContext.Response;
        if (!response.HasStarted)
        {
            StartResponse(httpContext);
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, PercentEncoding.Encode(status.Detail));
        }

        foreach (var entry in trailers)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                response.AppendTrailer(entry.Key, entry.ToWireValue());
            }
        }
    }

    public static void WriteTrailersOnly(HttpContext httpContext, Status status, Metadata trailers)
    {
        var headers = StartResponse(httpContext).Headers;
        headers[GrpcProtocol.StatusHeader] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (status.Detail.Length > 0)
        {
            headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }

        foreach (var entry in trailers)
        {
            if (!GrpcProtocol.IsReservedHeader(entry.Key))
            {
                headers.Append(entry.Key, entry.ToWireValue());
            }
        }
    }

    public static HttpResponse StartResponse(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.AcceptedEncodings;
        return response;
    }
}
