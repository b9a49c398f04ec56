using System.Text.RegularExpressions;

namespace KtEvents.Hosting.ApplicationModel;

/// <summary>
/// Resource names become env var parts (ConnectionStrings__eventdb, services__event__http__0),
/// manifest keys and container app names, so they follow Aspire's rule: a letter, then letters,
/// digits and single hyphens, at most 64 characters.
/// </summary>
public static partial class ResourceNames
{
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !Pattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid resource name: use a letter, then letters, digits and single hyphens (at most 64).", nameof(name));
        }
    }

    [GeneratedRegex("^[a-zA-Z](-?[a-zA-Z0-9])*$")]
    private static partial Regex Pattern();
}
