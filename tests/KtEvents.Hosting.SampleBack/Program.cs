using KtEvents.Data;
using KtEvents.ServiceDefaults;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("sampledb");

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGet("/ping", async (NpgsqlDataSource db, CancellationToken ct) =>
{
    await using var command = db.CreateCommand("SELECT current_database()");
    return TypedResults.Ok(new { Database = (string?)await command.ExecuteScalarAsync(ct), Instance = Environment.GetEnvironmentVariable("OTEL_RESOURCE_ATTRIBUTES") });
});
app.Run();
