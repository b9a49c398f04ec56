using KtEvents.Ai.Extensions;
using KtEvents.Ai.Grpc;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcService<AiGrpcService>();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
