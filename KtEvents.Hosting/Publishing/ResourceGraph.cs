using KtEvents.Hosting.ApplicationModel;

namespace KtEvents.Hosting.Publishing;

/// <summary>
/// Checks that the description of the system hangs together before anything is published or started:
/// every value a resource refers to (a connection string, an endpoint, a parameter) belongs to a
/// resource of the model and exists, and every <c>WaitFor</c> names a resource of the model.
/// </summary>
public static class ResourceGraph
{
    public static void Validate(IReadOnlyList<IResource> resources, DistributedApplicationExecutionContext executionContext)
    {
        var known = resources.ToHashSet();
        var problems = new List<string>();
        foreach (var resource in resources)
        {
            foreach (var (name, value) in resource.GetEnvironment(executionContext))
            {
                if (value is IManifestExpressionProvider reference)
                {
                    problems.AddRange(Check(reference, known).Select(p => $"{resource.Name}: env {name} refers to {p}"));
                }
            }
            if (resource is IResourceWithConnectionString withConnectionString)
            {
                problems.AddRange(Check(withConnectionString.ConnectionStringExpression, known)
                    .Select(p => $"{resource.Name}: its connection string refers to {p}"));
            }
            foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => !known.Contains(w.Resource)))
            {
                problems.Add($"{resource.Name}: waits for '{wait.Resource.Name}', which is not part of this application");
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The application model is inconsistent:\n  " + string.Join("\n  ", problems));
        }
    }

    /// <summary>The resources a value depends on, through expressions and endpoints.</summary>
    public static IEnumerable<IResource> ReferencedResources(IManifestExpressionProvider value) => value switch
    {
        ReferenceExpression expression => expression.References.SelectMany(ReferencedResources),
        IResource resource => [resource],
        _ => ReferencedEndpoints(value).Select(endpoint => (IResource)endpoint.Resource),
    };

    private static IEnumerable<EndpointReference> ReferencedEndpoints(IManifestExpressionProvider value) => value switch
    {
        ReferenceExpression expression => expression.References.SelectMany(ReferencedEndpoints),
        EndpointReference endpoint => [endpoint],
        EndpointPropertyReference property => [property.Endpoint],
        _ => [],
    };

    private static IEnumerable<string> Check(IManifestExpressionProvider value, HashSet<IResource> known)
    {
        foreach (var resource in ReferencedResources(value).Where(r => !known.Contains(r)))
        {
            yield return $"'{resource.Name}', which is not part of this application";
        }
        foreach (var endpoint in ReferencedEndpoints(value))
        {
            if (!endpoint.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == endpoint.EndpointName))
            {
                yield return $"endpoint '{endpoint.EndpointName}' of '{endpoint.Resource.Name}', which does not exist";
            }
        }
    }
}
