using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KtEvents.Messaging.Connection;

/// <summary>
/// Ready when the connection is open. While the client is recovering a lost connection the service
/// is not ready: its outbox still accepts events, but nothing leaves or arrives.
/// </summary>
internal sealed class RabbitMQHealthCheck(RabbitMQConnectionProvider connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await connections.GetConnectionAsync(cancellationToken);
            return connection.IsOpen
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, "The RabbitMQ connection is down; the client is reconnecting.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "RabbitMQ is unreachable.", ex);
        }
    }
}
