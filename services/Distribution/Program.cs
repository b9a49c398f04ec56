using KtEvents.Distribution.Extensions;
using KtEvents.Distribution.Grpc;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapGrpcService<DistributionGrpcService>();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
