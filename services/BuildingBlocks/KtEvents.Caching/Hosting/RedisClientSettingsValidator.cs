using Microsoft.Extensions.Options;

namespace KtEvents.Caching.Hosting;

/// <summary>
/// Fails the host's start with a message that says which setting is wrong and how, when the connection
/// string is missing or not one this client can use. The message never repeats the string itself,
/// which may hold a password.
/// </summary>
internal sealed class RedisClientSettingsValidator(string connectionName) : IValidateOptions<RedisClientSettings>
{
    public ValidateOptionsResult Validate(string? name, RedisClientSettings options)
    {
        if (name != connectionName)
        {
            return ValidateOptionsResult.Skip;
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"Redis client '{connectionName}': no connection string. Set ConnectionStrings:{connectionName} " +
                $"(environment ConnectionStrings__{connectionName}), e.g. \"localhost:6379\".");
        }
        try
        {
            ConfigurationOptions.Parse(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Redis client '{connectionName}': ConnectionStrings:{connectionName} is not usable. {ex.Message}");
        }
    }
}
