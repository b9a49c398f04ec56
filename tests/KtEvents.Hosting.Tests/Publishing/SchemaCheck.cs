using System.Text.Json;
using KtEvents.Testing;

namespace KtEvents.Hosting.Tests.Publishing;

/// <summary>Validates a manifest with ajv (npm) against the public Aspire manifest schema in shared/data.</summary>
internal static class SchemaCheck
{
    public static async Task<(bool Valid, string Errors)> ValidateAsync(string manifestPath)
    {
        var (exitCode, output) = await NodeScripts.RunScriptAsync(
            Path.Combine(AppContext.BaseDirectory, "schema-check"), "validate.js", SchemaPath(), manifestPath);
        Assert.True(exitCode == 0, $"the schema check could not run ({exitCode}):\n{output}");
        using var result = JsonDocument.Parse(output);
        return (result.RootElement.GetProperty("valid").GetBoolean(), result.RootElement.GetProperty("errors").GetRawText());
    }

    /// <summary>The schema lives in the workplace's shared folder, beside the repository.</summary>
    private static string SchemaPath()
    {
        var schema = Path.GetFullPath(Path.Combine(Running.SampleApp.RepositoryRoot, "..", "shared", "data", "aspire-manifest-schema.json"));
        Assert.True(File.Exists(schema), $"the Aspire manifest schema was not found at {schema}");
        return schema;
    }
}
