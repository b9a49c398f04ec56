using System.Text.Json;

using Google.Protobuf.WellKnownTypes;

using KtEvents.Contracts.Ai.V1;
using KtEvents.Contracts.Event.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Gateway.Apis;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Errors;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KtEvents.Gateway.Tests;

/// <summary>
/// UFR-EVENT-030's stream once it has started: each update becomes its server-sent event, and a failure
/// after the trends becomes an <c>error</c> event with the ProblemDetails the browser would get before it.
/// The gRPC call is built from a scripted reader, at the boundary where the Event service would answer.
/// </summary>
public sealed class RecommendationStreamTests
{
    [Fact]
    public async Task UFR_EVENT_030_a_service_failure_after_the_trends_is_an_error_event_with_its_code_and_korean_detail()
    {
        var items = await ReadAsync(
            Trends(),
            ServiceProblem.Create(StatusCode.Unavailable, "ai_unavailable", "AI 추천을 불러오지 못했습니다. 잠시 후 다시 시도해주세요."));

        Assert.Equal(["trends", "error"], items.Select(i => i.EventType));
        Assert.Equal("업종 트렌드", items[0].Data.GetProperty("industry").GetProperty("title").GetString());
        var problem = items[1].Data;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("ai_unavailable", problem.GetProperty("code").GetString());
        Assert.Equal("AI 추천을 불러오지 못했습니다. 잠시 후 다시 시도해주세요.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UFR_EVENT_030_a_bare_failure_after_the_trends_gets_the_generic_korean_problem_not_the_service_s_text()
    {
        var items = await ReadAsync(Trends(), new RpcException(new Status(StatusCode.Internal, "NullReferenceException at EventGrpcService")));

        var problem = items[1].Data;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal(ProblemCodes.InternalError, problem.GetProperty("code").GetString());
        Assert.DoesNotContain("Exception", problem.GetProperty("detail").GetString());
        Assert.Matches("[가-힣]", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UFR_EVENT_030_trends_then_the_event_end_the_stream()
    {
        var detail = new EventDetail
        {
            EventId = Guid.CreateVersion7().ToString(),
            Status = EventStatus.Draft,
            Store = new StoreSnapshot { Name = "모카카페" },
            CreatedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        };

        var items = await ReadAsync(Trends(), new RecommendEventUpdate { Event = detail });

        Assert.Equal(["trends", "event"], items.Select(i => i.EventType));
        Assert.Equal(detail.EventId, items[1].Data.GetProperty("id").GetString());
        Assert.Equal("draft", items[1].Data.GetProperty("status").GetString());
    }

    private static RecommendEventUpdate Trends() => new()
    {
        Trends = new Trends
        {
            Industry = new TrendSection { Title = "업종 트렌드", Narrative = "카페 업종은 SNS 이벤트가 효과적이에요." },
            Region = new TrendSection { Title = "지역 특성" },
            Season = new TrendSection { Title = "시즌 특성" },
        },
    };

    /// <summary>Streams the script (updates, then maybe a failure) as the gateway would, from its first update.</summary>
    private static async Task<List<(string EventType, JsonElement Data)>> ReadAsync(RecommendEventUpdate first, object next)
    {
        var services = new ServiceCollection().AddDefaultProblemDetails().BuildServiceProvider();
        var reader = new ScriptedReader([first, next]);
        Assert.True(await reader.MoveNext(CancellationToken.None));
        var call = new AsyncServerStreamingCall<RecommendEventUpdate>(
            reader, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
        var json = new JsonOptions().SerializerOptions;
        var stream = new RecommendationStream(
            call, json, services.GetRequiredService<IOptions<ProblemDetailsOptions>>().Value,
            new DefaultHttpContext { RequestServices = services }, NullLogger<RecommendationStream>.Instance);

        var items = new List<(string, JsonElement)>();
        await foreach (var item in stream.ReadAsync(CancellationToken.None))
        {
            items.Add((item.EventType!, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }
        return items;
    }

    /// <summary>Gives each update in turn; an exception in the script is thrown where the service failed.</summary>
    private sealed class ScriptedReader(IReadOnlyList<object> script) : IAsyncStreamReader<RecommendEventUpdate>
    {
        private int _next;

        public RecommendEventUpdate Current { get; private set; } = null!;

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (_next == script.Count)
            {
                return Task.FromResult(false);
            }
            switch (script[_next++])
            {
                case RpcException failure:
                    return Task.FromException<bool>(failure);
                case RecommendEventUpdate update:
                    Current = update;
                    return Task.FromResult(true);
                default:
                    throw new InvalidOperationException("The script holds updates and failures only.");
            }
        }
    }
}
