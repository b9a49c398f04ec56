namespace KtEvents.Sandbox.Apis;

/// <summary>The 국세청 business-status API (POST /api/nts-businessman/v1/status). Being built (issue #4).</summary>
public static class NtsApi
{
    public static IEndpointRouteBuilder MapNtsApi(this IEndpointRouteBuilder app) => app;
}
