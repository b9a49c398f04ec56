using System.ComponentModel.DataAnnotations;
using System.Net;

namespace KtEvents.Gateway.Infrastructure;

/// <summary>
/// The proxies in front of the gateway whose <c>X-Forwarded-For</c> is believed (section
/// <c>TrustedProxies</c>): in Azure Container Apps, the environment's ingress and the web app's nginx.
/// Without any, only loopback is trusted (ASP.NET Core's default, which covers the Vite dev proxy).
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "TrustedProxies";

    /// <summary>CIDR ranges, e.g. the Container Apps environment's subnet <c>10.0.0.0/16</c>.</summary>
    public List<string> Networks { get; set; } = [];

    /// <summary>Single addresses.</summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>How many trusted hops to walk back through <c>X-Forwarded-For</c> (ingress, then nginx: 2).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in Networks.Where(network => !IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a CIDR range such as 10.0.0.0/16.", [nameof(Networks)]);
        }
        foreach (var address in Addresses.Where(address => !IPAddress.TryParse(address, out _)))
        {
            yield return new ValidationResult($"'{address}' is not an IP address.", [nameof(Addresses)]);
        }
    }
}
