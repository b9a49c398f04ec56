using KtEvents.Gateway.Apis;
using KtEvents.Gateway.Extensions;
using KtEvents.Gateway.Infrastructure;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapOpenApi();

var api = app.MapGroup("/api").AddEndpointFilter<ServiceProblemFilter>();
api.MapAuthApi();
api.MapEventsApi();
api.MapEventProgressApi();
api.MapImagesApi();
api.MapPublicEventsApi();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
