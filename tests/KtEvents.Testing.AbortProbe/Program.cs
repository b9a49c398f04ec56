using KtEvents.Testing;

var redis = await RedisServer.StartNewAsync();
Console.WriteLine($"port={redis.Port}");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
