namespace KtEvents.Hosting.ApplicationModel;

/// <summary>
/// What environment callbacks fill in. Values are a <see cref="string"/> or an
/// <see cref="IManifestExpressionProvider"/> (a parameter, an endpoint, a connection string, a
/// <see cref="ReferenceExpression"/>), resolved late so that ports chosen at start are known.
/// </summary>
public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}
