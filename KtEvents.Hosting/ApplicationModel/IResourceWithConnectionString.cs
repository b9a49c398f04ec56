namespace KtEvents.Hosting.ApplicationModel;

/// <summary>A resource others reach through a connection string (<c>ConnectionStrings__&lt;name&gt;</c>).</summary>
public interface IResourceWithConnectionString : IResource, IManifestExpressionProvider
{
    ReferenceExpression ConnectionStringExpression { get; }

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";
}
