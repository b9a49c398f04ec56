namespace KtEvents.Ai.Claude;

/// <summary>
/// The <c>Claude</c> section. Without an <see cref="ApiKey"/> the data engine answers alone. The key is
/// a secret: it is never logged, and <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class ClaudeOptions
{
    public const string SectionName = "Claude";

    /// <summary>The Messages API key; empty turns the Claude engine off.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Anthropic's API, or the Sandbox's double in tests and local runs.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.anthropic.com");

    /// <summary>
    /// Claude Haiku 5.5: the current model Anthropic recommends for latency-sensitive, high-volume
    /// work, and one that still accepts a forced <c>tool_choice</c> (Sonnet 5.5 and Opus 5.5 reject
    /// forced tool use, which both of our calls rely on for structured output). Three ~100-character
    /// narratives and six short plans are well within it, and its speed is what the 8 s call timeout needs.
    /// </summary>
    public string Model { get; set; } = "claude-haiku-5-5";

    /// <summary>Each Claude call's own limit.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The whole request's limit, both calls and a repair included (ARCHITECTURE.md §6).</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Recommendations asking Claude at once (two calls each); past it the data engine answers at once
    /// rather than queueing past the 10 s promise. 32 keeps the issue's 20 owners at once on Claude;
    /// the per-minute limit below is what guards the API tier.
    /// </summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Recommendations asking Claude per minute (seed 003: 50, the API tier's limit); past it the data engine answers.</summary>
    public int RequestsPerMinute { get; set; } = 50;

    /// <summary>Output ceiling per call: six plans in Korean fit in well under this.</summary>
    public int MaxOutputTokens { get; set; } = 4096;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public override string ToString() =>
        $"Claude {{ BaseUrl = {BaseUrl}, Model = {Model}, CallTimeout = {CallTimeout}, Budget = {Budget}, MaxConcurrency = {MaxConcurrency}, RequestsPerMinute = {RequestsPerMinute}, ApiKey = {(Enabled ? "(set)" : "(none)")} }}";

    /// <summary>What is wrong with these settings; empty when they can run.</summary>
    public IEnumerable<string> Problems()
    {
        if (!BaseUrl.IsAbsoluteUri)
        {
            yield return "Claude:BaseUrl must be an absolute URL.";
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return "Claude:Model is required.";
        }
        if (CallTimeout <= TimeSpan.Zero || Budget <= TimeSpan.Zero)
        {
            yield return "Claude:CallTimeout and Claude:Budget must be positive.";
        }
        if (CallTimeout > Budget)
        {
            yield return "Claude:CallTimeout must not exceed Claude:Budget.";
        }
        if (MaxConcurrency < 1 || RequestsPerMinute < 1)
        {
            yield return "Claude:MaxConcurrency and Claude:RequestsPerMinute must be at least 1.";
        }
        if (MaxOutputTokens < 256)
        {
            yield return "Claude:MaxOutputTokens must be at least 256.";
        }
    }
}
