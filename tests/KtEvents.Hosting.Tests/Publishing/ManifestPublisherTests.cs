using System.Text.Json;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Publishing;
using KtEvents.Hosting.Resources;
using KtEvents.Testing;

namespace KtEvents.Hosting.Tests.Publishing;

public class ManifestPublisherTests
{
    [Fact]
    public async Task The_manifest_validates_against_the_aspire_schema()
    {
        using var system = new SampleSystem();
        var manifest = Path.Combine(system.Root, "out", "aspire-manifest.json");

        await ManifestPublisher.WriteAsync(system.Builder.Resources, manifest);

        var result = await SchemaCheck.ValidateAsync(manifest);
        Assert.True(result.Valid, result.Errors);
    }

    [Fact]
    public async Task The_schema_check_rejects_a_manifest_that_breaks_the_schema()
    {
        // The negative control: without it, a check that can never fail would look like a pass.
        using var system = new SampleSystem();
        var manifest = Path.Combine(system.Root, "broken.json");
        await File.WriteAllTextAsync(manifest, """{"resources":{"event":{"type":"project.v0","bindings":{"http":{"scheme":"http"}}}}}""");

        var result = await SchemaCheck.ValidateAsync(manifest);

        Assert.False(result.Valid);
        Assert.Contains("path", result.Errors);
    }

    [Fact]
    public async Task Servers_are_containers_with_connection_string_expressions_and_databases_are_values()
    {
        using var system = new SampleSystem();
        var resources = await PublishAsync(system);

        var postgres = resources.GetProperty("postgres");
        Assert.Equal("container.v0", postgres.GetProperty("type").GetString());
        Assert.Equal("docker.io/library/postgres:15.10", postgres.GetProperty("image").GetString());
        Assert.Equal("Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
            postgres.GetProperty("connectionString").GetString());
        Assert.Equal("{postgres-password.value}", postgres.GetProperty("env").GetProperty("POSTGRES_PASSWORD").GetString());
        Assert.Equal(5432, postgres.GetProperty("bindings").GetProperty("tcp").GetProperty("targetPort").GetInt32());

        Assert.Equal("value.v0", resources.GetProperty("eventdb").GetProperty("type").GetString());
        Assert.Equal("{postgres.connectionString};Database=eventdb", resources.GetProperty("eventdb").GetProperty("connectionString").GetString());
        Assert.Equal("{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}",
            resources.GetProperty("cache").GetProperty("connectionString").GetString());
        Assert.Equal("amqp://{messaging-username.value}:{messaging-password.value}@{messaging.bindings.tcp.host}:{messaging.bindings.tcp.port}",
            resources.GetProperty("messaging").GetProperty("connectionString").GetString());
    }

    [Fact]
    public async Task Secrets_are_parameters_and_their_values_never_reach_the_file()
    {
        using var system = new SampleSystem();
        system.Builder.Configuration["Parameters:anthropic-api-key"] = "sk-ant-test-must-not-leak";
        var manifest = Path.Combine(system.Root, "aspire-manifest.json");
        await ManifestPublisher.WriteAsync(system.Builder.Resources, manifest);
        var text = await File.ReadAllTextAsync(manifest);
        var resources = JsonDocument.Parse(text).RootElement.GetProperty("resources");

        Assert.DoesNotContain("sk-ant-test-must-not-leak", text);
        var key = resources.GetProperty("anthropic-api-key");
        Assert.Equal("parameter.v0", key.GetProperty("type").GetString());
        Assert.Equal("{anthropic-api-key.inputs.value}", key.GetProperty("value").GetString());
        Assert.True(key.GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        Assert.False(key.GetProperty("inputs").GetProperty("value").TryGetProperty("default", out _));
        Assert.Equal(22, resources.GetProperty("postgres-password").GetProperty("inputs").GetProperty("value")
            .GetProperty("default").GetProperty("generate").GetProperty("minLength").GetInt32());
        Assert.Equal("{anthropic-api-key.value}", resources.GetProperty("ai").GetProperty("env").GetProperty("Claude__ApiKey").GetString());
    }

    [Fact]
    public async Task Services_get_their_connection_strings_discovery_and_aspire_env()
    {
        using var system = new SampleSystem();
        var resources = await PublishAsync(system);

        var @event = resources.GetProperty("event");
        Assert.Equal("project.v0", @event.GetProperty("type").GetString());
        Assert.Equal("../services/Event/KtEvents.Event.csproj", @event.GetProperty("path").GetString());
        var env = @event.GetProperty("env");
        Assert.Equal("{eventdb.connectionString}", env.GetProperty("ConnectionStrings__eventdb").GetString());
        Assert.Equal("{cache.connectionString}", env.GetProperty("ConnectionStrings__cache").GetString());
        Assert.Equal("{messaging.connectionString}", env.GetProperty("ConnectionStrings__messaging").GetString());
        Assert.Equal("{ai.bindings.http.url}", env.GetProperty("services__ai__http__0").GetString());
        Assert.Equal("{event.bindings.http.targetPort}", env.GetProperty("HTTP_PORTS").GetString());
        Assert.Equal("in_memory", env.GetProperty("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY").GetString());
        Assert.Equal("http2", @event.GetProperty("bindings").GetProperty("http").GetProperty("transport").GetString());

        var web = resources.GetProperty("web");
        Assert.Equal("dockerfile.v0", web.GetProperty("type").GetString());
        Assert.Equal("../web/Dockerfile", web.GetProperty("path").GetString());
        Assert.Equal("{web.bindings.http.targetPort}", web.GetProperty("env").GetProperty("PORT").GetString());
        Assert.Equal("{gateway.bindings.http.url}", web.GetProperty("env").GetProperty("services__gateway__http__0").GetString());
    }

    [Fact]
    public async Task Only_the_gateway_and_the_web_app_are_external()
    {
        using var system = new SampleSystem();
        var resources = await PublishAsync(system);

        var external = resources.EnumerateObject()
            .Where(r => r.Value.TryGetProperty("bindings", out var bindings)
                && bindings.EnumerateObject().Any(b => b.Value.TryGetProperty("external", out var e) && e.GetBoolean()))
            .Select(r => r.Name);
        Assert.Equal(["gateway", "web"], external.Order());
    }

    [Fact]
    public async Task A_reference_to_a_resource_outside_the_application_is_refused_by_name()
    {
        using var system = new SampleSystem();
        var elsewhere = new DistributedApplicationBuilder([], system.Builder.AppHostDirectory);
        var strayDb = elsewhere.AddPostgres("other").AddDatabase("straydb");
        system.Builder.AddProject("stray", "../services/Event/KtEvents.Event.csproj").WithReference(strayDb);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ManifestPublisher.WriteAsync(system.Builder.Resources, Path.Combine(system.Root, "m.json")));

        Assert.Contains("stray: env ConnectionStrings__straydb refers to 'straydb', which is not part of this application", error.Message);
    }

    [Fact]
    public async Task A_builder_for_a_resource_already_added_changes_that_resource_and_refuses_a_stranger()
    {
        using var system = new SampleSystem();
        var @event = system.Builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "event");

        system.Builder.CreateResourceBuilder(@event).WithEnvironment("Events__EndSweepInterval", "00:00:01");
        var resources = await PublishAsync(system);

        Assert.Equal("00:00:01", resources.GetProperty("event").GetProperty("env").GetProperty("Events__EndSweepInterval").GetString());
        var stranger = new DistributedApplicationBuilder([], system.Builder.AppHostDirectory).AddRedis("elsewhere").Resource;
        Assert.Throws<InvalidOperationException>(() => system.Builder.CreateResourceBuilder(stranger));
    }

    [Fact]
    public void The_command_line_selects_publish_mode_and_the_output_path()
    {
        using var system = new SampleSystem("--publisher", "manifest", "--output-path", "aspire-manifest.json");

        Assert.True(system.Builder.ExecutionContext.IsPublishMode);
        Assert.Equal("manifest", system.Builder.Configuration["Publishing:Publisher"]);
        Assert.Equal("aspire-manifest.json", system.Builder.Configuration["Publishing:OutputPath"]);
    }

    [Theory]
    [InlineData("event_db")]
    [InlineData("1cache")]
    [InlineData("web--app")]
    [InlineData("")]
    public void Resource_names_follow_aspire_rules(string name)
    {
        using var system = new SampleSystem();
        Assert.Throws<ArgumentException>(() => system.Builder.AddRedis(name));
    }

    [Fact]
    public void Names_are_unique_and_projects_must_exist()
    {
        using var system = new SampleSystem();

        Assert.Contains("already exists", Assert.Throws<InvalidOperationException>(() => system.Builder.AddRedis("Cache")).Message);
        Assert.Throws<FileNotFoundException>(() => system.Builder.AddProject("missing", "../services/Missing/Missing.csproj"));
    }

    private static async Task<JsonElement> PublishAsync(SampleSystem system)
    {
        var manifest = Path.Combine(system.Root, "out", "aspire-manifest.json");
        await ManifestPublisher.WriteAsync(system.Builder.Resources, manifest);
        return JsonDocument.Parse(await File.ReadAllTextAsync(manifest)).RootElement.GetProperty("resources").Clone();
    }
}
