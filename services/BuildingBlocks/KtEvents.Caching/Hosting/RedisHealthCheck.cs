using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KtEvents.Caching.Hosting;

/// <summary>Healthy when Redis answers PING within the command timeout; unhealthy at once while disconnected.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer multiplexer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer PING.", ex);
        }
    }
}
