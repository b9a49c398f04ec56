namespace KtEvents.User.Infrastructure.Nts;

/// <summary>
/// Where the 국세청 business-status API is (the <c>Nts</c> section). <c>http://sandbox</c> is the
/// Sandbox's stand-in, resolved by service discovery; production sets <c>https://api.odcloud.kr</c> and
/// the data.go.kr service key (the decoded form: it is URL-encoded here).
/// </summary>
public sealed class NtsOptions
{
    public const string SectionName = "Nts";

    public string BaseUrl { get; set; } = "http://sandbox";

    public string ServiceKey { get; set; } = "";

    public bool IsValid() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrWhiteSpace(ServiceKey);
}
