using KtEvents.Sandbox.Apis;
using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSandboxServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNtsApi();
app.MapChannelApis();
app.MapClaudeApi();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
