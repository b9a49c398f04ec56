using System.Reflection;
using System.Text.RegularExpressions;

namespace KtEvents.Data.Migrations;

/// <summary>
/// The ordered migrations of one scope (a service's schema, or a building block's tables such as
/// the outbox). Scripts are embedded resources whose logical name is <c>Migrations/NNNN_name.sql</c>:
/// <code>&lt;EmbeddedResource Include="Infrastructure/Migrations/*.sql" LogicalName="Migrations/%(Filename)%(Extension)" /&gt;</code>
/// </summary>
public sealed partial class MigrationSet
{
    private const string ResourcePrefix = "Migrations/";

    public MigrationSet(string scope, IEnumerable<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        Scope = scope;
        Migrations = [.. migrations.OrderBy(m => m.Version)];
        var duplicate = Migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException($"Scope '{scope}' has two migrations numbered {duplicate.Key}: {string.Join(", ", duplicate)}.");
        }
    }

    public string Scope { get; }

    public IReadOnlyList<Migration> Migrations { get; }

    public static MigrationSet FromAssembly(Assembly assembly, string scope) =>
        new(scope, assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Parse(name[ResourcePrefix.Length..], Read(assembly, name))));

    public static Migration Parse(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException($"Migration file '{fileName}' must be named NNNN_description.sql (digits, an underscore, then lower-case words).");
        }
        return new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, sql);
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{1,9})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
