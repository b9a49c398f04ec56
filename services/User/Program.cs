using KtEvents.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

// Lets WebApplicationFactory<Program> find the entry point from tests.
public partial class Program;
