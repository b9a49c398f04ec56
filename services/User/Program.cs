using KtEvents.ServiceDefaults;
using KtEvents.User.Apis;
using KtEvents.User.Extensions;
using KtEvents.User.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapJwks();
app.MapGrpcService<UserGrpcService>();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
