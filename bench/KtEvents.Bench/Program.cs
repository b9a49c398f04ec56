// KtEvents benchmarks. Each prints its figures; none asserts them (ARCHITECTURE.md §7).
// Usage: dotnet run -c Release --project bench/KtEvents.Bench -- <benchmark>
var name = args.FirstOrDefault();
switch (name)
{
    case "resp": return await RespBenchmark.RunAsync(args[1..]);
    case "grpc": return await GrpcBenchmark.RunAsync(args[1..]);
    case "apphost": return await AppHostBenchmark.RunAsync(args[1..]);
    case "ai": return await AiBenchmark.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: KtEvents.Bench <resp|grpc|apphost|ai> (ai: [--owners 20] [--hits 100] [--data 40] [--build-lock PATH])");
        return 2;
}
