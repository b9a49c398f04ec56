using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// The environment Aspire gives a process in run mode: the model's variables resolved to real
/// values, every replica of a referenced service (<c>services__event__http__0</c>, <c>__1</c>, …),
/// and the OpenTelemetry settings that point the exporters at the dashboard.
/// </summary>
internal static class ProcessEnvironment
{
    public static Dictionary<string, string> For(IResourceWithEnvironment model, string instanceName, RunContext context)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = context.OtlpEndpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={context.OtlpApiKey}",
            ["OTEL_SERVICE_NAME"] = model.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceName}",
            // Short export delays, as Aspire sets them in development, so the dashboard is live.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false",
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
            ["LOGGING__CONSOLE__FORMATTEROPTIONS__SINGLELINE"] = "true",
        };
        foreach (var (name, value) in model.GetEnvironment(context.ExecutionContext))
        {
            environment[name] = context.Expressions.Resolve(value);
            if (value is EndpointReference endpoint && name.EndsWith("__0", StringComparison.Ordinal))
            {
                var ports = context.Endpoints.Ports(endpoint.Resource, endpoint.EndpointName);
                for (var replica = 1; replica < ports.Count; replica++)
                {
                    environment[$"{name[..^1]}{replica}"] = context.Endpoints.Url(endpoint.Resource, endpoint.Annotation, replica);
                }
            }
        }
        return environment;
    }
}
