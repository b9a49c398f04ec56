namespace KtEvents.ServiceDefaults.Telemetry;

/// <summary>
/// Names of the telemetry sources this product listens to. Our own code creates its
/// ActivitySources and Meters as <c>KtEvents.&lt;Area&gt;</c> (e.g. "KtEvents.Messaging"), so one
/// wildcard picks up every building block and service without a registration per source.
/// </summary>
public static class KtEventsTelemetry
{
    /// <summary>Prefix of every ActivitySource and Meter name owned by KtEvents.</summary>
    public const string Prefix = "KtEvents.";

    /// <summary>Wildcard accepted by <c>AddSource</c> and <c>AddMeter</c> for all KtEvents sources.</summary>
    public const string Wildcard = "KtEvents.*";

    /// <summary>ActivitySources of the libraries we use that emit spans without an instrumentation package.</summary>
    public static readonly IReadOnlyList<string> LibraryActivitySources =
    [
        "Microsoft.AspNetCore",   // server spans (Microsoft.AspNetCore.Hosting.HttpRequestIn)
        "System.Net.Http",        // client spans (System.Net.Http.HttpRequestOut), .NET 9+
        "Npgsql",
        "RabbitMQ.Client.*",      // RabbitMQ.Client 7.x: RabbitMQ.Client.Publisher and RabbitMQ.Client.Subscriber
    ];

    /// <summary>Meters of the runtime and libraries we use that need no instrumentation package.</summary>
    public static readonly IReadOnlyList<string> LibraryMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",         // the runtime's built-in meter, .NET 9+
        "Npgsql",
    ];
}
