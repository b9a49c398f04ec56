namespace KtEvents.ServiceDefaults.Authentication;

/// <summary>Same name and value as Microsoft.AspNetCore.Authentication.JwtBearer's defaults.</summary>
public static class JwtBearerDefaults
{
    /// <summary>The scheme name, "Bearer".</summary>
    public const string AuthenticationScheme = "Bearer";
}
