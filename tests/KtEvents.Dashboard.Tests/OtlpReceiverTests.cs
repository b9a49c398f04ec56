using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using KtEvents.Dashboard.Otlp;
using KtEvents.Dashboard.Otlp.Proto;
using KtEvents.Dashboard.Tests.Infrastructure;

namespace KtEvents.Dashboard.Tests;

/// <summary>The receiver's answers to what a misconfigured or hostile peer sends.</summary>
public sealed class OtlpReceiverTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_gzip_body_is_accepted_and_answered_with_an_empty_export_response()
    {
        await using var server = await DashboardTestServer.StartAsync();
        var body = OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 0x01)).ToByteArray();
        using var content = Protobuf(OtlpMessages.Gzip(body));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await Http.PostAsync(server.Endpoint("/v1/traces"), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(answer.PartialSuccess);
        var span = Assert.Single(server.Store.GetTrace("abababababababababababababababab")!.Spans).Span;
        Assert.Equal(("ai", "0101010101010101"), (span.ServiceName, span.SpanId));
    }

    [Fact]
    public async Task A_json_body_is_refused_with_415_and_nothing_is_stored()
    {
        await using var server = await DashboardTestServer.StartAsync();
        using var content = new StringContent("""{"resourceSpans":[]}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync(server.Endpoint("/v1/traces"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, server.Store.SpanCount);
    }

    [Fact]
    public async Task A_content_encoding_other_than_gzip_is_refused_with_415()
    {
        await using var server = await DashboardTestServer.StartAsync();
        var body = OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 0x01)).ToByteArray();
        using var content = Protobuf(body);
        content.Headers.ContentEncoding.Add("br");

        using var response = await Http.PostAsync(server.Endpoint("/v1/traces"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, server.Store.SpanCount);
    }

    [Theory]
    [InlineData("/v1/traces")]
    [InlineData("/v1/logs")]
    public async Task A_body_that_is_not_protobuf_is_refused_with_400(string path)
    {
        await using var server = await DashboardTestServer.StartAsync();

        // Field 1, length-delimited, claims 5 bytes and has 1: a truncated message.
        using var response = await Http.PostAsync(server.Endpoint(path), Protobuf([0x0a, 0x05, 0x01]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0), (server.Store.SpanCount, server.Store.LogCount));
    }

    [Fact]
    public async Task A_body_that_claims_gzip_but_is_not_is_refused_with_400()
    {
        await using var server = await DashboardTestServer.StartAsync();
        var body = OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 0x01)).ToByteArray();
        using var content = Protobuf(body);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await Http.PostAsync(server.Endpoint("/v1/traces"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, server.Store.SpanCount);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_refused_with_413_before_and_after_gzip()
    {
        await using var server = await DashboardTestServer.StartAsync(o => o.MaxRequestBodySize = 1024);
        var large = OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 0x01), name: new string('x', 4096)).ToByteArray();

        using var plain = await Http.PostAsync(server.Endpoint("/v1/traces"), Protobuf(large));
        var compressed = OtlpMessages.Gzip(large);
        Assert.True(compressed.Length < 1024);
        using var gzipContent = Protobuf(compressed);
        gzipContent.Headers.ContentEncoding.Add("gzip");
        using var inflated = await Http.PostAsync(server.Endpoint("/v1/traces"), gzipContent);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, inflated.StatusCode);
        Assert.Equal(0, server.Store.SpanCount);
    }

    [Fact]
    public async Task With_an_api_key_configured_only_exports_that_send_it_are_accepted()
    {
        await using var server = await DashboardTestServer.StartAsync(o => o.OtlpApiKey = "s3cret-key");
        var body = OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 0x01)).ToByteArray();

        using var missing = await Http.PostAsync(server.Endpoint("/v1/traces"), Protobuf(body));
        using var wrong = await Send(server.Endpoint("/v1/traces"), body, "s3cret-kez");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(0, server.Store.SpanCount);

        using var right = await Send(server.Endpoint("/v1/traces"), body, "s3cret-key");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(1, server.Store.SpanCount);
    }

    [Fact]
    public async Task Spans_without_valid_ids_are_dropped_and_reported_as_partial_success()
    {
        await using var server = await DashboardTestServer.StartAsync();
        var request = OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0xab), OtlpMessages.Id(8, 0x01));
        request.ResourceSpans.Add(OtlpMessages.OneSpan("ai", OtlpMessages.Id(16, 0x00), OtlpMessages.Id(8, 0x02)).ResourceSpans);

        using var response = await Http.PostAsync(server.Endpoint("/v1/traces"), Protobuf(request.ToByteArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, answer.PartialSuccess.RejectedSpans);
        Assert.Equal(1, server.Store.SpanCount);
    }

    [Fact]
    public async Task Metrics_are_accepted_and_discarded()
    {
        await using var server = await DashboardTestServer.StartAsync();

        // Field 1 (resource_metrics) holding an empty message: a valid, empty metrics export.
        using var response = await Http.PostAsync(server.Endpoint("/v1/metrics"), Protobuf([0x0a, 0x00]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((0, 0), (server.Store.SpanCount, server.Store.LogCount));
    }

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }

    private static async Task<HttpResponseMessage> Send(Uri uri, byte[] body, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Protobuf(body) };
        request.Headers.Add(OtlpHttpReceiver.ApiKeyHeader, apiKey);
        return await Http.SendAsync(request);
    }
}
