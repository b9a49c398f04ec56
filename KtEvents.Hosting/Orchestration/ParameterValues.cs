using System.Security.Cryptography;
using System.Text.Json;
using KtEvents.Hosting.ApplicationModel;
using KtEvents.Hosting.Processes;
using Microsoft.Extensions.Configuration;

namespace KtEvents.Hosting.Orchestration;

/// <summary>
/// Parameter values in run mode: <c>Parameters:&lt;name&gt;</c> from configuration (user secrets,
/// environment <c>Parameters__claude_api_key</c>, command line) first. Generated secrets (server
/// passwords) are made once and kept in <c>secrets.json</c> under the data folder, readable by the
/// owner only, so a persistent server's password still matches on the next run.
/// </summary>
internal sealed class ParameterValues(IConfiguration configuration, string secretsFile)
{
    private readonly Lock gate = new();
    private Dictionary<string, string>? generated;

    public string Get(ParameterResource parameter)
    {
        if (configuration[$"Parameters:{parameter.Name}"] is { } configured)
        {
            return configured;
        }
        if (parameter.Generate is null)
        {
            // Optional inputs (the Claude key) switch their feature off when empty; the services say so.
            return "";
        }
        lock (gate)
        {
            generated ??= Load();
            if (!generated.TryGetValue(parameter.Name, out var value))
            {
                value = Generate(parameter.Generate.MinLength);
                generated[parameter.Name] = value;
                Save(generated);
            }
            return value;
        }
    }

    private Dictionary<string, string> Load() =>
        File.Exists(secretsFile)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(secretsFile)) ?? []
            : [];

    private void Save(Dictionary<string, string> values)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(secretsFile)!);
        var temporary = secretsFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));
        Commands.RestrictToOwner(temporary);
        File.Move(temporary, secretsFile, overwrite: true);
    }

    /// <summary>Letters and digits only: the value lands in URIs (amqp://user:pass@) and connection strings unescaped.</summary>
    private static string Generate(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, Math.Max(length, 22));
    }
}
