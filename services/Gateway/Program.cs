using KtEvents.Gateway.Apis;
using KtEvents.Gateway.Extensions;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapAuthApi();
app.MapEventsApi();
app.MapEventProgressApi();
app.MapImagesApi();
app.MapPublicEventsApi();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
