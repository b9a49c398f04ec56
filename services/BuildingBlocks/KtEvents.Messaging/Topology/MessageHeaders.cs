using System.Globalization;
using System.Text;

namespace KtEvents.Messaging.Topology;

/// <summary>
/// AMQP headers the event bus writes besides <c>traceparent</c>/<c>tracestate</c>. The message id
/// (the event's id) and the routing key travel in the <c>message_id</c> and <c>type</c> properties.
/// </summary>
public static class MessageHeaders
{
    /// <summary>Which attempt this delivery is (1 when absent); on a DLQ message, the attempts made.</summary>
    public const string Attempt = "x-kt-attempt";

    /// <summary>Why the last attempt failed: exception type and message, or why the message is unreadable.</summary>
    public const string FailureReason = "x-kt-failure-reason";

    /// <summary>Full name of the exception type of the last failure (absent for unreadable messages).</summary>
    public const string FailureException = "x-kt-failure-exception";

    /// <summary>When the message was dead-lettered, ISO 8601 UTC.</summary>
    public const string FailedAt = "x-kt-failed-at";

    /// <summary>The header as text; the broker hands strings back as UTF-8 bytes.</summary>
    public static string? GetString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    public static int? GetInt32(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                int number => number,
                long number => (int)Math.Clamp(number, int.MinValue, int.MaxValue),
                short number => number,
                byte number => number,
                byte[] bytes when int.TryParse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;
}
