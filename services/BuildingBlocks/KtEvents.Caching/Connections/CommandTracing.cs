using System.Diagnostics;

using KtEvents.Caching.Resp;

namespace KtEvents.Caching.Connections;

/// <summary>
/// One client span per command on the "KtEvents.Caching" ActivitySource (ServiceDefaults listens to
/// "KtEvents.*"). Attributes follow the OpenTelemetry database conventions, with the operation name
/// only: keys and values can carry personal data, so neither is ever recorded.
/// </summary>
internal static class CommandTracing
{
    public const string ActivitySourceName = "KtEvents.Caching";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    public static Activity? Start(RedisCommand command, string serverAddress, int serverPort, int database)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        // Commands are sent synchronously and the span ends when the reply arrives, later; the
        // caller's current activity must stay the caller's, not become this span.
        var caller = Activity.Current;
        var activity = Source.StartActivity(command.Name, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }
        Activity.Current = caller;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system", "redis");
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation", command.Name);
            activity.SetTag("db.operation.name", command.Name);
            activity.SetTag("db.namespace", database);
            activity.SetTag("server.address", serverAddress);
            activity.SetTag("server.port", serverPort);
        }
        return activity;
    }

    public static async Task<T> StopWhenDone<T>(Task<T> command, Activity activity)
    {
        try
        {
            return await command.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            activity.Dispose();
        }
    }
}
