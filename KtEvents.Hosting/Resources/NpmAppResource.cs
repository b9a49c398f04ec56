namespace KtEvents.Hosting.Resources;

/// <summary>A Node app run with <c>npm run &lt;script&gt;</c> (after <c>npm ci</c> when node_modules is missing).</summary>
public sealed class NpmAppResource(string name, string workingDirectory, string scriptName)
    : ExecutableResource(name, "npm", workingDirectory, ["run", scriptName])
{
    public string ScriptName { get; } = scriptName;
}
