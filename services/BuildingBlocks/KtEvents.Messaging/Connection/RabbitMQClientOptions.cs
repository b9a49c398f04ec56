using System.ComponentModel.DataAnnotations;

namespace KtEvents.Messaging.Connection;

/// <summary>
/// Bound from <c>Aspire:RabbitMQ:Client</c> (Aspire's section, so the real component can replace
/// this one without touching configuration); the connection string comes from
/// <c>ConnectionStrings:&lt;name&gt;</c> when that is set.
/// </summary>
public sealed class RabbitMQClientOptions
{
    public const string SectionName = "Aspire:RabbitMQ:Client";

    /// <summary>amqp://user:password@host:port/vhost (amqps:// for TLS).</summary>
    [Required]
    public string? ConnectionString { get; set; }

    /// <summary>Pause between the client's reconnection attempts after it lost the broker.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan NetworkRecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt to open a connection may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal static bool IsAmqpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps";
}
