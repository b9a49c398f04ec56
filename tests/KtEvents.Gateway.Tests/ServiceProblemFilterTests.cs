using KtEvents.Gateway.Infrastructure;
using KtEvents.Rpc;

namespace KtEvents.Gateway.Tests;

/// <summary>How a service's gRPC status becomes the HTTP status the browser sees (docs/api.md).</summary>
public sealed class ServiceProblemFilterTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument, 400)]
    [InlineData(StatusCode.FailedPrecondition, 400)]
    [InlineData(StatusCode.Unauthenticated, 401)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.DeadlineExceeded, 503)]
    [InlineData(StatusCode.Internal, 500)]
    [InlineData(StatusCode.Unknown, 500)]
    public void Each_grpc_status_has_its_http_status(StatusCode code, int expected) =>
        Assert.Equal(expected, ServiceProblemFilter.ToHttpStatus(code));
}
