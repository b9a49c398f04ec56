using KtEvents.Content.Extensions;
using KtEvents.Content.Grpc;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcService<ContentGrpcService>();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
