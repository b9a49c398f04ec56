namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A value known by its manifest placeholder, e.g. <c>{postgres.bindings.tcp.port}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
