namespace KtEvents.Hosting.ApplicationModel;

/// <summary>
/// A value supplied from outside: configuration <c>Parameters:&lt;name&gt;</c> in run mode, an azd prompt
/// or generated value at deployment. Secrets (the Claude API key, passwords) are never written to
/// the manifest, only their placeholder <c>{name.value}</c>.
/// </summary>
public sealed class ParameterResource(string name, bool secret, GenerateParameterDefault? generate = null)
    : Resource(name), IManifestExpressionProvider
{
    public bool Secret { get; } = secret;

    /// <summary>When set, the deployment tool generates the value (passwords) instead of asking for it.</summary>
    public GenerateParameterDefault? Generate { get; } = generate;

    public string ValueExpression => $"{{{Name}.value}}";
}
