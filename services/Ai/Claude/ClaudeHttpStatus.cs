using System.Runtime.CompilerServices;

namespace KtEvents.Ai.Claude;

/// <summary>
/// The HTTP status of the Claude call in progress, seen from inside our HttpClient pipeline: the
/// outcome names the failure the API sent (error_429, error_529 …) without depending on the SDK's
/// exception types. The box is set before the call and filled by <see cref="Handler"/> below it.
/// </summary>
public static class ClaudeHttpStatus
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    /// <summary>Starts recording for the calls made in this async flow; read the box after the call.</summary>
    public static StrongBox<int> Record() => Current.Value = new StrongBox<int>();

    public sealed class Handler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Current.Value is { } box)
            {
                box.Value = (int)response.StatusCode;
            }
            return response;
        }
    }
}
