using System.Globalization;
using System.Net;
using System.Text;

using Microsoft.Extensions.Logging;

namespace KtEvents.Caching;

/// <summary>
/// Connection settings in StackExchange.Redis's connection-string format, which is what Aspire puts in
/// <c>ConnectionStrings__cache</c>: <c>host:port[,password=…][,user=…][,ssl=false][,abortConnect=false]
/// [,connectTimeout=ms][,asyncTimeout=ms][,defaultDatabase=n][,name=…][,allowAdmin=true]</c>.
/// One endpoint, no TLS: this client speaks plain RESP2 to one server. Anything else in the string is
/// refused with an <see cref="ArgumentException"/> naming the part at fault (never the password).
/// </summary>
public sealed class ConfigurationOptions
{
    public const int DefaultPort = 6379;

    public IList<EndPoint> EndPoints { get; } = [];

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sent as CLIENT SETNAME, so the connection shows up by name in CLIENT LIST.</summary>
    public string? ClientName { get; set; }

    public int? DefaultDatabase { get; set; }

    /// <summary>TLS is not implemented; true is refused when connecting.</summary>
    public bool Ssl { get; set; }

    /// <summary>Throw from Connect when the first connection fails (true), or keep retrying in the background (false).</summary>
    public bool AbortOnConnectFail { get; set; } = true;

    public int ConnectTimeout { get; set; } = 5000;

    /// <summary>Milliseconds a command waits for its reply before failing with <see cref="RedisTimeoutException"/>.</summary>
    public int AsyncTimeout { get; set; } = 5000;

    /// <summary>Allows the administrative commands (CONFIG, CLIENT, FLUSHDB …) through <c>ExecuteAsync</c>.</summary>
    public bool AllowAdmin { get; set; }

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Spans per command; turned off by the hosting settings' <c>DisableTracing</c>.</summary>
    internal bool TracingEnabled { get; set; } = true;

    public static ConfigurationOptions Parse(string configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ConfigurationOptions();
        foreach (var raw in configuration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                options.EndPoints.Add(ParseEndPoint(raw));
                continue;
            }
            var key = raw[..equals].Trim();
            var value = raw[(equals + 1)..].Trim();
            switch (key.ToLowerInvariant())
            {
                case "password":
                    options.Password = value;
                    break;
                case "user":
                    options.User = value;
                    break;
                case "name":
                    options.ClientName = value.Length > 0 && !value.Any(char.IsWhiteSpace)
                        ? value
                        : throw Invalid("name= must be a non-empty name without spaces");
                    break;
                case "ssl":
                    options.Ssl = ParseBool(key, value);
                    break;
                case "abortconnect":
                    options.AbortOnConnectFail = ParseBool(key, value);
                    break;
                case "allowadmin":
                    options.AllowAdmin = ParseBool(key, value);
                    break;
                case "connecttimeout":
                    options.ConnectTimeout = ParsePositive(key, value);
                    break;
                case "asynctimeout":
                    options.AsyncTimeout = ParsePositive(key, value);
                    break;
                case "defaultdatabase":
                    options.DefaultDatabase = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var db)
                        ? db
                        : throw Invalid("defaultDatabase= must be a database number");
                    break;
                default:
                    throw Invalid($"the option '{key}' is not supported");
            }
        }
        options.Validate();
        return options;
    }

    public ConfigurationOptions Clone()
    {
        var copy = new ConfigurationOptions
        {
            User = User,
            Password = Password,
            ClientName = ClientName,
            DefaultDatabase = DefaultDatabase,
            Ssl = Ssl,
            AbortOnConnectFail = AbortOnConnectFail,
            ConnectTimeout = ConnectTimeout,
            AsyncTimeout = AsyncTimeout,
            AllowAdmin = AllowAdmin,
            LoggerFactory = LoggerFactory,
            TracingEnabled = TracingEnabled,
        };
        foreach (var endPoint in EndPoints)
        {
            copy.EndPoints.Add(endPoint);
        }
        return copy;
    }

    /// <summary>The settings as a connection string, with the password masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(string.Join(",", EndPoints.Select(Format)));
        Append(text, "user", User);
        Append(text, "password", Password is null ? null : "*****");
        Append(text, "name", ClientName);
        Append(text, "defaultDatabase", DefaultDatabase?.ToString(CultureInfo.InvariantCulture));
        Append(text, "ssl", Ssl ? "true" : "false");
        Append(text, "abortConnect", AbortOnConnectFail ? "true" : "false");
        Append(text, "connectTimeout", ConnectTimeout.ToString(CultureInfo.InvariantCulture));
        Append(text, "asyncTimeout", AsyncTimeout.ToString(CultureInfo.InvariantCulture));
        if (AllowAdmin)
        {
            Append(text, "allowAdmin", "true");
        }
        return text.ToString();
    }

    /// <summary>Checks what this client can serve; called by Parse and again by Connect.</summary>
    internal void Validate()
    {
        if (EndPoints.Count != 1)
        {
            throw Invalid(EndPoints.Count == 0
                ? "it names no endpoint (expected host:port)"
                : "it names several endpoints; this client connects to exactly one server");
        }
        if (Ssl)
        {
            throw Invalid("ssl=true is not supported; this client speaks plain TCP (use ssl=false)");
        }
        if (ConnectTimeout <= 0 || AsyncTimeout <= 0)
        {
            throw Invalid("timeouts must be positive");
        }
        if (DefaultDatabase is < 0)
        {
            throw Invalid("defaultDatabase= must not be negative");
        }
    }

    internal static string Format(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"[{ip.Address}]:{ip.Port}",
        IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        _ => endPoint.ToString() ?? "",
    };

    private static EndPoint ParseEndPoint(string text)
    {
        string host;
        var port = DefaultPort;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid($"'{text}' is not a host:port endpoint");
            }
            host = text[1..close];
            if (close + 1 < text.Length)
            {
                port = text[close + 1] == ':' ? ParsePort(text, text[(close + 2)..]) : throw Invalid($"'{text}' is not a host:port endpoint");
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0)
            {
                port = ParsePort(text, text[(colon + 1)..]);
            }
        }
        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _))
        {
            throw Invalid($"'{text}' is not a host:port endpoint");
        }
        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
    }

    private static int ParsePort(string endpoint, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw Invalid($"'{endpoint}' has no valid port (1-65535)");

    private static bool ParseBool(string key, string value) => bool.TryParse(value, out var flag)
        ? flag
        : throw Invalid($"{key}= must be true or false");

    private static int ParsePositive(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw Invalid($"{key}= must be a positive number of milliseconds");

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(',').Append(key).Append('=').Append(value);
        }
    }

    private static ArgumentException Invalid(string reason) => new($"The Redis configuration is not valid: {reason}.");
}
