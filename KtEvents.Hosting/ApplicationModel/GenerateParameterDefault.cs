namespace KtEvents.Hosting.ApplicationModel;

/// <summary>How a deployment tool generates a parameter's value (Aspire's <c>inputs.value.default.generate</c>).</summary>
public sealed record GenerateParameterDefault(int MinLength = 22, bool Special = false);
