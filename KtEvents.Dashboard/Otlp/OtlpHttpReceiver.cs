using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using KtEvents.Dashboard.Otlp.Proto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KtEvents.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP with protobuf bodies (the OpenTelemetry .NET exporter's <c>HttpProtobuf</c> protocol):
/// <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>. Answers follow the OTLP spec:
/// 200 with the Export*ServiceResponse message (its partial success field set when items were
/// dropped), 415 for JSON or an unknown encoding, 413 past the size limit, 400 for an unreadable
/// body, 401 for a missing or wrong <c>x-otlp-api-key</c> when a key is configured.
/// </summary>
public static class OtlpHttpReceiver
{
    public const string ApiKeyHeader = "x-otlp-api-key";

    public static IEndpointConventionBuilder MapOtlpHttpReceiver(this IEndpointRouteBuilder endpoints)
    {
        var otlp = endpoints.MapGroup("/v1");
        otlp.MapPost("/traces", ExportTraces);
        otlp.MapPost("/logs", ExportLogs);
        otlp.MapPost("/metrics", ExportMetrics);

        // Exporters prove themselves with the API key, not with the dashboard's browser login.
        return otlp.AllowAnonymous();
    }

    public static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult>> ExportTraces(
        HttpRequest request, [AsParameters] OtlpReceiverServices services, CancellationToken cancellationToken)
    {
        var (body, failure) = await ReadAsync(request, services, "traces", cancellationToken);
        if (body is null)
        {
            return failure!;
        }

        ExportTraceServiceRequest export;
        try
        {
            export = ExportTraceServiceRequest.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            OtlpReceiverLog.ExportUndecodable(services.Logger, "traces", e);
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
        }

        var (spans, rejected) = OtlpSpanMapper.Map(export);
        services.Store.AddSpans(spans);
        var response = new ExportTraceServiceResponse();
        if (rejected > 0)
        {
            OtlpReceiverLog.ItemsRejected(services.Logger, "traces", rejected);
            response.PartialSuccess = new ExportTracePartialSuccess
            {
                RejectedSpans = rejected,
                ErrorMessage = "spans without a valid trace id or span id were dropped",
            };
        }

        return Protobuf(response);
    }

    public static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult>> ExportLogs(
        HttpRequest request, [AsParameters] OtlpReceiverServices services, CancellationToken cancellationToken)
    {
        var (body, failure) = await ReadAsync(request, services, "logs", cancellationToken);
        if (body is null)
        {
            return failure!;
        }

        ExportLogsServiceRequest export;
        try
        {
            export = ExportLogsServiceRequest.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            OtlpReceiverLog.ExportUndecodable(services.Logger, "logs", e);
            return TypedResults.StatusCode(StatusCodes.Status400BadRequest);
        }

        services.Store.AddLogs(OtlpLogMapper.Map(export));
        return Protobuf(new ExportLogsServiceResponse());
    }

    /// <summary>
    /// Metrics are accepted and dropped: the dashboard has no metrics view yet, and refusing them
    /// would make every service's exporter log failures and retry.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult>> ExportMetrics(
        HttpRequest request, [AsParameters] OtlpReceiverServices services, CancellationToken cancellationToken)
    {
        var (body, failure) = await ReadAsync(request, services, "metrics", cancellationToken);
        if (body is null)
        {
            return failure!;
        }

        // An empty ExportMetricsServiceResponse encodes to zero bytes.
        return TypedResults.Bytes([], OtlpRequestBody.ProtobufContentType);
    }

    private static async Task<(Stream? Body, Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult>? Failure)> ReadAsync(
        HttpRequest request, OtlpReceiverServices services, string signal, CancellationToken cancellationToken)
    {
        var options = services.Options.Value;
        if (!string.IsNullOrEmpty(options.OtlpApiKey) && !HasApiKey(request, options.OtlpApiKey))
        {
            OtlpReceiverLog.ExportRejected(services.Logger, signal, StatusCodes.Status401Unauthorized, "missing or wrong API key");
            return (null, TypedResults.Unauthorized());
        }

        if (OtlpRequestBody.CheckHeaders(request, options.MaxRequestBodySize) is { } status)
        {
            OtlpReceiverLog.ExportRejected(services.Logger, signal, status, $"content type '{request.ContentType}', encoding '{request.Headers.ContentEncoding}', length {request.ContentLength}");
            return (null, TypedResults.StatusCode(status));
        }

        try
        {
            var body = await OtlpRequestBody.ReadAsync(request, options.MaxRequestBodySize, cancellationToken);
            if (body is null)
            {
                OtlpReceiverLog.ExportRejected(services.Logger, signal, StatusCodes.Status413PayloadTooLarge, "body larger than the limit");
                return (null, TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge));
            }

            return (body, null);
        }
        catch (InvalidDataException e)
        {
            OtlpReceiverLog.ExportUndecodable(services.Logger, signal, e);
            return (null, TypedResults.StatusCode(StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>Constant-time comparison, so the key cannot be guessed byte by byte from response times.</summary>
    private static bool HasApiKey(HttpRequest request, string expected)
    {
        var sent = request.Headers[ApiKeyHeader].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }

    private static FileContentHttpResult Protobuf(IMessage response) =>
        TypedResults.Bytes(response.ToByteArray(), OtlpRequestBody.ProtobufContentType);
}
