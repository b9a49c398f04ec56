using Microsoft.Extensions.Options;

namespace KtEvents.Ai.Claude;

/// <summary>Stops the service at start on settings that cannot work, instead of at the first recommendation.</summary>
public sealed class ClaudeOptionsValidator : IValidateOptions<ClaudeOptions>
{
    public ValidateOptionsResult Validate(string? name, ClaudeOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
