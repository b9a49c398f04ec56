using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.Options;

using Polly;

namespace KtEvents.User.Infrastructure.Nts;

/// <summary>
/// The 국세청 사업자등록 상태조회 API over HTTP (data.go.kr's wire format). Its HttpClient carries the
/// service defaults (service discovery, retries with timeouts), so a failing answer here is final:
/// it becomes <see cref="NtsBusinessState.Unavailable"/>, never an exception.
/// </summary>
public sealed class NtsClient(HttpClient httpClient, IOptions<NtsOptions> options, ILogger<NtsClient> logger)
{
    public const string StatusPath = "api/nts-businessman/v1/status";

    /// <param name="businessNumber">Ten digits, no dashes.</param>
    public async Task<NtsBusinessState> GetStateAsync(string businessNumber, CancellationToken cancellationToken)
    {
        var uri = $"{StatusPath}?serviceKey={Uri.EscapeDataString(options.Value.ServiceKey)}";
        NtsStatusResponse? body;
        try
        {
            using var response = await httpClient.PostAsJsonAsync(uri, new NtsStatusRequest([businessNumber]), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                NtsLog.ErrorStatus(logger, response.StatusCode);
                return NtsBusinessState.Unavailable;
            }

            body = await response.Content.ReadFromJsonAsync<NtsStatusResponse>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or NotSupportedException or ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // ExecutionRejectedException: the circuit is open or an attempt timed out; a cancellation that is
            // not the caller's is the total timeout.
            NtsLog.Unreachable(logger, exception);
            return NtsBusinessState.Unavailable;
        }

        var entry = body?.Data?.FirstOrDefault(candidate => candidate.BusinessNumber == businessNumber);
        if (body?.StatusCode != "OK" || entry is null)
        {
            NtsLog.UnexpectedBody(logger, body?.StatusCode is { } status and not "OK" ? $"status_code {status}" : "no entry for the number");
            return NtsBusinessState.Unavailable;
        }

        switch (entry.StatusCode)
        {
            case "01":
                return NtsBusinessState.Active;
            case "02":
                return NtsBusinessState.Suspended;
            case "03":
                return NtsBusinessState.Closed;
            case null or "":
                return NtsBusinessState.Unregistered;
            default:
                NtsLog.UnexpectedBody(logger, "unknown b_stt_cd");
                return NtsBusinessState.Unavailable;
        }
    }
}
