using KtEvents.Testing;

var redis = await RedisServer.StartNewAsync();
Console.WriteLine($"{redis.Port} {redis.DataDirectory}");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
