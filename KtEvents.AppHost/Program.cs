using KtEvents.AppHost;
using KtEvents.Hosting;

// The system's description is KtEventsApplication.AddKtEvents; this file only runs it, so that the
// end-to-end tests can start exactly the same system.
var builder = DistributedApplication.CreateBuilder(args);
builder.AddKtEvents();
return await builder.Build().RunAsync();
