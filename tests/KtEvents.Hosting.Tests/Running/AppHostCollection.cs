namespace KtEvents.Hosting.Tests.Running;

/// <summary>
/// The run-mode tests each build and start a whole system; two at once would race their
/// <c>dotnet build</c>s over the same sample projects, so they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection
{
    public const string Name = "AppHost run mode";
}
