namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A fixed value where a reference is expected (a container's constant environment).</summary>
public sealed class Literal(string value) : IManifestExpressionProvider
{
    public string ValueExpression { get; } = value;

    public static Literal Of(string value) => new(value);
}
