using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

using KtEvents.Rpc;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

/// <summary>
/// KtEvents.Rpc's unary call against a plain HTTP/1.1 JSON POST carrying the same payload, both served
/// by one Kestrel in this process over loopback (gRPC on an HTTP/2-only port, JSON on an HTTP/1.1 port),
/// both echoing the payload back. Warm-up, then --rounds rounds that alternate the two, each phase
/// making --calls calls from --callers concurrent callers and stopping early at --seconds. Prints
/// calls/s, p50 and p99 latency of every phase, and the ratios of the median rounds; asserts nothing.
/// Client and server share the machine's cores (and this machine is shared), so the figures compare
/// the two paths rather than measure either in isolation; alternating rounds keeps a burst of outside
/// load from landing on one side only.
/// Options: --calls N (20000), --callers N (32), --seconds N (20, per phase), --rounds N (3).
/// </summary>
internal static class GrpcBenchmark
{
    private const int WarmUpCalls = 5_000;

    // A participant entry's worth of text, Korean and ASCII mixed, as the services will carry.
    private static readonly string Payload = string.Concat(Enumerable.Repeat("봄맞이 할인 이벤트 응모: 홍길동 010-1234-5678, 개인정보 수집 동의 v3; ", 4));

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = Option(args, "--calls", 20_000);
        var callers = Option(args, "--callers", 32);
        var limit = TimeSpan.FromSeconds(Option(args, "--seconds", 20));
        var rounds = Option(args, "--rounds", 3);

        await using var app = await StartServerAsync();
        var addresses = app.Urls.Select(url => new Uri(url)).ToList();
        var grpcAddress = addresses[0];
        var jsonAddress = addresses[1];

        var services = new ServiceCollection();
        services.AddGrpcClient<BenchClient>(o => o.Address = grpcAddress);
        await using var provider = services.BuildServiceProvider();
        var grpc = provider.GetRequiredService<BenchClient>();
        using var json = new HttpClient(new SocketsHttpHandler()) { BaseAddress = jsonAddress };

        var request = new StringValue { Value = Payload };
        var jsonBody = JsonSerializer.SerializeToUtf8Bytes(new EchoBody(Payload), JsonSerializerOptions.Web);
        Func<Task> grpcCall = async () =>
        {
            var reply = await grpc.EchoAsync(request);
            Check(reply.Value);
        };
        Func<Task> jsonCall = async () =>
        {
            using var content = new ByteArrayContent(jsonBody);
            content.Headers.ContentType = new("application/json");
            using var response = await json.PostAsync("/json/echo", content);
            response.EnsureSuccessStatusCode();
            Check((await response.Content.ReadFromJsonAsync<EchoBody>(JsonSerializerOptions.Web))!.Value);
        };

        Console.WriteLine($"gRPC {grpcAddress} (h2c) vs JSON {jsonAddress} (HTTP/1.1), one Kestrel in this process");
        Console.WriteLine($"payload {Payload.Length} chars: gRPC message {request.CalculateSize() + 5} bytes framed, JSON body {jsonBody.Length} bytes");
        Console.WriteLine($"{callers} concurrent callers, {rounds} rounds of {calls:N0} calls per phase, at most {limit.TotalSeconds:F0} s each; warm-up {WarmUpCalls:N0} calls each");

        await MeasureAsync(grpcCall, callers, WarmUpCalls, limit);
        await MeasureAsync(jsonCall, callers, WarmUpCalls, limit);

        Console.WriteLine();
        Console.WriteLine($"{"phase",-30}{"calls",10}{"calls/s",12}{"p50 ms",10}{"p99 ms",10}");
        var grpcResults = new List<Result>();
        var jsonResults = new List<Result>();
        for (var round = 1; round <= rounds; round++)
        {
            grpcResults.Add(await MeasureAsync(grpcCall, callers, calls, limit));
            Print($"gRPC unary (h2c), round {round}", grpcResults[^1]);
            jsonResults.Add(await MeasureAsync(jsonCall, callers, calls, limit));
            Print($"JSON POST (HTTP/1.1), round {round}", jsonResults[^1]);
        }

        var grpcMedian = Median(grpcResults);
        var jsonMedian = Median(jsonResults);
        Print("gRPC unary (h2c), median", grpcMedian);
        Print("JSON POST (HTTP/1.1), median", jsonMedian);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gRPC/JSON (medians): throughput {grpcMedian.CallsPerSecond / jsonMedian.CallsPerSecond:F2}x, p99 latency {grpcMedian.P99.TotalMilliseconds / jsonMedian.P99.TotalMilliseconds:F2}x"));
        return 0;
    }

    private static async Task<WebApplication> StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The first endpoint keeps AddGrpc's HTTP/2-only default; the JSON one is HTTP/1.1 like a browser-facing API.
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.MapGrpcService<BenchGrpcService>();
        app.MapPost("/json/echo", (EchoBody body) => body);
        await app.StartAsync();
        return app;
    }

    /// <summary>Makes up to <paramref name="calls"/> calls from <paramref name="callers"/> loops, stopping early at the time limit.</summary>
    private static async Task<Result> MeasureAsync(Func<Task> call, int callers, int calls, TimeSpan limit)
    {
        var next = 0;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>();
            while (Interlocked.Increment(ref next) <= calls && clock.Elapsed < limit)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }

            return latencies;
        }));
        var all = (await Task.WhenAll(loops)).SelectMany(l => l).Order().ToArray();
        clock.Stop();
        return new Result(all.Length, all.Length / clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>The round with the median throughput, reported whole so its latencies belong to it.</summary>
    private static Result Median(List<Result> results) => results.OrderBy(r => r.CallsPerSecond).ElementAt(results.Count / 2);

    private static TimeSpan Percentile(long[] sortedTimestampDeltas, double percentile) =>
        sortedTimestampDeltas.Length == 0
            ? TimeSpan.Zero
            : Stopwatch.GetElapsedTime(0, sortedTimestampDeltas[(int)Math.Ceiling(percentile * sortedTimestampDeltas.Length) - 1]);

    private static void Print(string phase, Result result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase,-30}{result.Calls,10:N0}{result.CallsPerSecond,12:N0}{result.P50.TotalMilliseconds,10:F2}{result.P99.TotalMilliseconds,10:F2}"));

    private static void Check(string echoed)
    {
        if (echoed != Payload)
        {
            throw new InvalidOperationException("The echo came back different from the payload sent.");
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Result(int Calls, double CallsPerSecond, TimeSpan P50, TimeSpan P99);

    private sealed record EchoBody(string Value);

    /// <summary>
    /// The benchmark's contract, built at run time because this project compiles no .proto:
    /// <c>service kt.bench.v1.BenchService { rpc Echo (google.protobuf.StringValue) returns (google.protobuf.StringValue); }</c>.
    /// </summary>
    private static class BenchContract
    {
        public static ServiceDescriptor Service { get; } = Build();

        private static ServiceDescriptor Build()
        {
            var file = new FileDescriptorProto
            {
                Name = "kt/bench/v1/bench.proto",
                Package = "kt.bench.v1",
                Syntax = "proto3",
                Dependency = { WrappersReflection.Descriptor.Name },
                Service =
                {
                    new ServiceDescriptorProto
                    {
                        Name = "BenchService",
                        Method = { new MethodDescriptorProto { Name = "Echo", InputType = ".google.protobuf.StringValue", OutputType = ".google.protobuf.StringValue" } },
                    },
                },
            };
            var files = FileDescriptor.BuildFromByteStrings([WrappersReflection.Descriptor.SerializedData, file.ToByteString()]);
            return files[1].GetService("BenchService");
        }
    }

    private sealed class BenchGrpcService : IGrpcService
    {
        public static ServiceDescriptor Descriptor => BenchContract.Service;

        public Task<StringValue> Echo(StringValue request, ServerCallContext context) => Task.FromResult(request);
    }

    private sealed class BenchClient(CallInvoker callInvoker) : ClientBase(callInvoker)
    {
        private static readonly Method<StringValue, StringValue> EchoMethod =
            Method<StringValue, StringValue>.Resolve(BenchContract.Service, "Echo");

        public AsyncUnaryCall<StringValue> EchoAsync(StringValue request) =>
            CallInvoker.AsyncUnaryCall(EchoMethod, default, request);
    }
}
