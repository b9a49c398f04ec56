using System.Text.Json;

using KtEvents.Rpc;

namespace KtEvents.Contracts.Problems;

/// <summary>
/// How a service tells the gateway what went wrong in words an owner understands, over gRPC: the
/// status code says what kind of failure it is, the status detail is the Korean message, and two
/// trailers carry the stable ProblemDetails <c>code</c> and, for bad input, the per-field messages.
/// The gateway turns them back into RFC 9457 ProblemDetails (ARCHITECTURE.md §4).
/// </summary>
public static class ServiceProblem
{
    public const string CodeTrailer = "kt-problem-code";

    /// <summary>Binary (UTF-8 JSON: field → messages), because metadata values are ASCII.</summary>
    public const string FieldErrorsTrailer = "kt-field-errors-bin";

    /// <summary>A failure with a stable code and a Korean message, e.g. <c>ServiceProblem.Create(StatusCode.AlreadyExists, "phone_taken", "이미 가입된 전화번호입니다.")</c>.</summary>
    public static RpcException Create(StatusCode statusCode, string code, string detail)
    {
        var trailers = new Metadata { { CodeTrailer, code } };
        return new RpcException(new Status(statusCode, detail), trailers);
    }

    /// <summary>Bad input: INVALID_ARGUMENT with the messages per field.</summary>
    public static RpcException Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "입력값을 다시 확인해 주세요.")
    {
        var trailers = new Metadata
        {
            { CodeTrailer, "validation_failed" },
            { FieldErrorsTrailer, JsonSerializer.SerializeToUtf8Bytes(errors) },
        };
        return new RpcException(new Status(StatusCode.InvalidArgument, detail), trailers);
    }

    /// <summary>NOT_FOUND for a resource the caller cannot see; another owner's looks the same as none.</summary>
    public static RpcException NotFound(string code, string detail) => Create(StatusCode.NotFound, code, detail);

    public static string? ReadCode(RpcException exception) => exception.Trailers.GetValue(CodeTrailer);

    public static IReadOnlyDictionary<string, string[]>? ReadFieldErrors(RpcException exception) =>
        exception.Trailers.GetValueBytes(FieldErrorsTrailer) is { } bytes
            ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(bytes)
            : null;
}
