using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.User.Tests.Infrastructure;

internal static class ProblemAssert
{
    /// <summary>Awaits <paramref name="call"/>, which must fail with <paramref name="statusCode"/> and the stable <paramref name="code"/>.</summary>
    public static async Task<RpcException> FailsAsync<T>(Task<T> call, StatusCode statusCode, string code)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(statusCode, exception.StatusCode);
        Assert.Equal(code, ServiceProblem.ReadCode(exception));
        Assert.False(string.IsNullOrWhiteSpace(exception.Status.Detail));
        return exception;
    }
}
