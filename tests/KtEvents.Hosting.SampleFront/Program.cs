using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddHttpClient("back", client => client.BaseAddress = new Uri("http://back"));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/hello", async (IHttpClientFactory clients, CancellationToken ct) =>
    TypedResults.Text(await clients.CreateClient("back").GetStringAsync("/ping", ct), "application/json"));
app.Run();
