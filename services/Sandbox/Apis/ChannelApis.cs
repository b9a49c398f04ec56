namespace KtEvents.Sandbox.Apis;

/// <summary>The six channels' posting APIs. Being built (issue #4).</summary>
public static class ChannelApis
{
    public static IEndpointRouteBuilder MapChannelApis(this IEndpointRouteBuilder app) => app;
}
