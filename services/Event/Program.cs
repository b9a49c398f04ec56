using KtEvents.Event.Extensions;
using KtEvents.Event.Grpc;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcService<EventGrpcService>();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
