using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Gateway.Infrastructure;
using KtEvents.Gateway.Model;
using KtEvents.Rpc;

using Microsoft.AspNetCore.Mvc;

namespace KtEvents.Gateway.Apis;

/// <summary>
/// The Event service's StreamRecommend as server-sent events, from the update already read (which
/// decided the response's status) to the end. It owns the call and disposes it, which cancels the
/// call if the browser leaves first.
/// </summary>
public sealed class RecommendationStream(
    AsyncServerStreamingCall<RecommendEventUpdate> call,
    JsonSerializerOptions json,
    ProblemDetailsOptions problems,
    HttpContext httpContext,
    ILogger<RecommendationStream> logger)
{
    public const string TrendsEvent = "trends";
    public const string EventEvent = "event";
    public const string ErrorEvent = "error";

    public async IAsyncEnumerable<SseItem<string>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (call)
        {
            var reader = call.ResponseStream;
            while (true)
            {
                yield return ToItem(reader.Current);
                RpcException? failure = null;
                try
                {
                    if (!await reader.MoveNext(cancellationToken))
                    {
                        yield break;
                    }
                }
                catch (RpcException rpc)
                {
                    failure = rpc;
                }
                if (failure is not null)
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(ToProblem(failure), json), ErrorEvent);
                    yield break;
                }
            }
        }
    }

    private SseItem<string> ToItem(RecommendEventUpdate update) => update.UpdateCase switch
    {
        RecommendEventUpdate.UpdateOneofCase.Trends => new(JsonSerializer.Serialize(update.Trends.ToResponse(), json), TrendsEvent),
        RecommendEventUpdate.UpdateOneofCase.Event => new(JsonSerializer.Serialize(update.Event.ToResponse(), json), EventEvent),
        _ => throw new InvalidOperationException($"Unknown recommendation update {update.UpdateCase}."),
    };

    /// <summary>
    /// The ProblemDetails the same failure gets before the stream starts (<see cref="ServiceProblemFilter"/>),
    /// with the project's conventions filling the code and Korean detail a bare failure lacks.
    /// </summary>
    private ProblemDetails ToProblem(RpcException rpc)
    {
        GatewayLog.ServiceCallFailed(logger, rpc.StatusCode, ServiceProblem.ReadCode(rpc) ?? "-");
        var problem = ServiceProblemFilter.ToProblem(rpc).ProblemDetails;
        problems.CustomizeProblemDetails?.Invoke(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
        return problem;
    }
}
