using System.Security.Cryptography;
using System.Text;

namespace KtEvents.Data.Migrations;

/// <summary>One versioned SQL script, e.g. <c>0003_add_store_hours.sql</c> → version 3, name "add_store_hours".</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a CRLF checkout is not an edit.
    /// Computed on read, not stored: a copy made with <c>with { Sql = … }</c> must not keep the old sum.
    /// </summary>
    public string Checksum => Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n")))).ToLowerInvariant();

    public override string ToString() => $"{Version:D4}_{Name}";
}
