namespace KtEvents.Hosting.Local;

/// <summary>Database names go into DDL, which takes no parameters, so they are checked first.</summary>
public static class PostgresNames
{
    public static void Check(string name)
    {
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || name.Length is 0 or > 63)
        {
            throw new ArgumentException("Database names are 1–63 ASCII letters, digits or underscores.", nameof(name));
        }
    }
}
