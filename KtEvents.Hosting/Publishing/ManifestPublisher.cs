using System.Text.Json;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Resources;

namespace KtEvents.Hosting.Publishing;

/// <summary>
/// Writes the Aspire deployment manifest (schema aspire-8.0) that azd reads to deploy to Azure
/// Container Apps: <c>container.v0</c> for the servers with connection-string expressions,
/// <c>value.v0</c> for databases, <c>parameter.v0</c> for secrets, <c>project.v0</c> for services and
/// <c>dockerfile.v0</c>/<c>executable.v0</c> for the web app. Only endpoints marked external
/// (<c>WithExternalHttpEndpoints</c>) get <c>"external": true</c>. Paths are relative to the manifest.
/// </summary>
public static class ManifestPublisher
{
    private static readonly DistributedApplicationExecutionContext PublishContext = new(DistributedApplicationOperation.Publish);

    // What Aspire writes for every project, so services behave the same as under Aspire.
    private static readonly (string Name, string Value)[] ProjectDefaults =
    [
        ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
        ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
        ("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
        ("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
    ];

    public static async Task WriteAsync(IReadOnlyList<IResource> resources, string outputPath, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using var stream = File.Create(fullPath);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(resources, writer, Path.GetDirectoryName(fullPath)!);
        await writer.FlushAsync(cancellationToken);
    }

    public static void Write(IReadOnlyList<IResource> resources, Utf8JsonWriter writer, string manifestDirectory)
    {
        ResourceGraph.Validate(resources, PublishContext);
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json.schemastore.org/aspire-8.0.json");
        writer.WriteStartObject("resources");
        foreach (var resource in resources)
        {
            writer.WriteStartObject(resource.Name);
            switch (resource)
            {
                case ParameterResource parameter:
                    WriteParameter(writer, parameter);
                    break;
                case PostgresDatabaseResource database:
                    writer.WriteString("type", "value.v0");
                    writer.WriteString("connectionString", database.ConnectionStringExpression.ValueExpression);
                    break;
                case ContainerResource container:
                    WriteContainer(writer, container);
                    break;
                case ProjectResource project:
                    writer.WriteString("type", "project.v0");
                    writer.WriteString("path", RelativePath(manifestDirectory, project.ProjectPath));
                    WriteEnvironment(writer, project, ProjectDefaults
                        .Append(("HTTP_PORTS", new EndpointReference(project, "http").Property(EndpointProperty.TargetPort).ValueExpression)));
                    WriteBindings(writer, project);
                    break;
                case ExecutableResource executable:
                    WriteExecutable(writer, executable, manifestDirectory);
                    break;
                default:
                    throw new InvalidOperationException($"Resource '{resource.Name}' ({resource.GetType().Name}) has no manifest form.");
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, ParameterResource parameter)
    {
        writer.WriteString("type", "parameter.v0");
        writer.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        writer.WriteStartObject("inputs");
        writer.WriteStartObject("value");
        writer.WriteString("type", "string");
        if (parameter.Secret)
        {
            writer.WriteBoolean("secret", true);
        }
        if (parameter.Generate is { } generate)
        {
            writer.WriteStartObject("default");
            writer.WriteStartObject("generate");
            writer.WriteNumber("minLength", generate.MinLength);
            if (!generate.Special)
            {
                writer.WriteBoolean("special", false);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteContainer(Utf8JsonWriter writer, ContainerResource container)
    {
        writer.WriteString("type", "container.v0");
        if (container is IResourceWithConnectionString withConnectionString)
        {
            writer.WriteString("connectionString", withConnectionString.ConnectionStringExpression.ValueExpression);
        }
        writer.WriteString("image", container.Image.ToString());
        if (container is RedisResource)
        {
            writer.WriteString("entrypoint", RedisResource.Entrypoint);
        }
        if (container.ContainerArgs.Count > 0)
        {
            writer.WriteStartArray("args");
            foreach (var arg in container.ContainerArgs)
            {
                writer.WriteStringValue(arg);
            }
            writer.WriteEndArray();
        }
        writer.WriteStartObject("env");
        foreach (var (name, value) in container.ContainerEnvironment)
        {
            writer.WriteString(name, value.ValueExpression);
        }
        writer.WriteEndObject();
        WriteBindings(writer, container);
    }

    private static void WriteExecutable(Utf8JsonWriter writer, ExecutableResource executable, string manifestDirectory)
    {
        if (executable.Annotations.OfType<DockerfilePublishAnnotation>().SingleOrDefault() is { } dockerfile)
        {
            writer.WriteString("type", "dockerfile.v0");
            writer.WriteString("path", RelativePath(manifestDirectory, dockerfile.DockerfilePath));
            writer.WriteString("context", RelativePath(manifestDirectory, dockerfile.ContextPath));
        }
        else
        {
            writer.WriteString("type", "executable.v0");
            writer.WriteString("workingDirectory", RelativePath(manifestDirectory, executable.WorkingDirectory));
            writer.WriteString("command", executable.Command);
            writer.WriteStartArray("args");
            foreach (var arg in executable.Args)
            {
                writer.WriteStringValue(arg);
            }
            writer.WriteEndArray();
        }
        WriteEnvironment(writer, executable, [("NODE_ENV", "production")]);
        WriteBindings(writer, executable);
    }

    private static void WriteEnvironment(Utf8JsonWriter writer, IResource resource, IEnumerable<(string Name, string Value)> defaults)
    {
        writer.WriteStartObject("env");
        var environment = resource.GetEnvironment(PublishContext);
        foreach (var (name, value) in defaults.Where(d => !environment.ContainsKey(d.Name)))
        {
            writer.WriteString(name, value);
        }
        foreach (var (name, value) in environment)
        {
            writer.WriteString(name, value is IManifestExpressionProvider reference ? reference.ValueExpression : (string)value);
        }
        writer.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter writer, IResource resource)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        if (endpoints.Count == 0)
        {
            return;
        }
        writer.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            writer.WriteStartObject(endpoint.Name);
            writer.WriteString("scheme", endpoint.Scheme);
            writer.WriteString("protocol", "tcp");
            writer.WriteString("transport", endpoint.Transport);
            if (endpoint.Port is { } port)
            {
                writer.WriteNumber("port", port);
            }
            if (endpoint.TargetPort is { } targetPort)
            {
                writer.WriteNumber("targetPort", targetPort);
            }
            if (endpoint.IsExternal)
            {
                writer.WriteBoolean("external", true);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static string RelativePath(string manifestDirectory, string path) =>
        Path.GetRelativePath(manifestDirectory, path).Replace('\\', '/');
}
