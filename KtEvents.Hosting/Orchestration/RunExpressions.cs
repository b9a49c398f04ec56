using System.Text;
using KtEvents.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// Turns the model's references into the values processes get in run mode: parameters their
/// values, endpoints their allocated loopback ports, connection strings their expressions, unless
/// configuration gives <c>ConnectionStrings:&lt;name&gt;</c>, which means "use this existing server".
/// </summary>
internal sealed class RunExpressions(IConfiguration configuration, ParameterValues parameters, AllocatedEndpoints endpoints)
{
    /// <summary>The connection string configuration gives for the resource, if any.</summary>
    public string? ConfiguredConnectionString(IResource resource) =>
        configuration.GetConnectionString(resource.Name) is { Length: > 0 } value ? value : null;

    public string Resolve(object value) => value switch
    {
        string text => text,
        ParameterResource parameter => parameters.Get(parameter),
        Literal literal => literal.ValueExpression,
        ReferenceExpression expression => Concatenate(expression),
        EndpointReference endpoint => Resolve(endpoint.Property(EndpointProperty.Url)),
        EndpointPropertyReference property => Resolve(property),
        IResourceWithConnectionString resource => ConfiguredConnectionString(resource) ?? Concatenate(resource.ConnectionStringExpression),
        _ => throw new InvalidOperationException($"Run mode cannot resolve a {value.GetType().Name}."),
    };

    private string Concatenate(ReferenceExpression expression)
    {
        var text = new StringBuilder();
        foreach (var part in expression.Parts)
        {
            text.Append(Resolve(part));
        }
        return text.ToString();
    }

    private string Resolve(EndpointPropertyReference reference)
    {
        var resource = reference.Endpoint.Resource;
        var annotation = reference.Endpoint.Annotation;
        var port = endpoints.Port(resource, annotation.Name);
        return reference.Property switch
        {
            // The servers listen on IPv4 loopback only; naming it saves clients a failed ::1 attempt.
            EndpointProperty.Host => "127.0.0.1",
            EndpointProperty.Port or EndpointProperty.TargetPort => port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EndpointProperty.Url => endpoints.Url(resource, annotation),
            _ => throw new ArgumentOutOfRangeException(nameof(reference)),
        };
    }
}
