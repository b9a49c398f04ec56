using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace KtEvents.Dashboard.Otlp;

/// <summary>
/// Reads an OTLP/HTTP request body: checks the content type, undoes gzip, and stops at the size
/// limit both before and after decompression, so a small gzip bomb cannot fill the memory.
/// </summary>
internal static class OtlpRequestBody
{
    public const string ProtobufContentType = "application/x-protobuf";

    /// <summary>Null when the body is protobuf we can read; otherwise the status code to answer with.</summary>
    public static int? CheckHeaders(HttpRequest request, long maxBytes)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType, ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return StatusCodes.Status415UnsupportedMediaType;
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !IsGzip(encoding) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return StatusCodes.Status415UnsupportedMediaType;
        }

        return request.ContentLength > maxBytes ? StatusCodes.Status413PayloadTooLarge : null;
    }

    /// <summary>The decoded body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The body claims gzip but is not.</exception>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        // Only the gzip wrapper is ours to dispose; the request body belongs to Kestrel.
        var gzip = IsGzip(request.Headers.ContentEncoding.ToString())
            ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true)
            : null;
        try
        {
            return await CopyBoundedAsync(gzip ?? request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (gzip is not null)
            {
                await gzip.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<MemoryStream?> CopyBoundedAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static bool IsGzip(string encoding) => encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
}
