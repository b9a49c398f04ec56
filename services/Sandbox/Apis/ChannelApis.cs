using KtEvents.Sandbox.Channels;

namespace KtEvents.Sandbox.Apis;

/// <summary>
/// The six channels' posting APIs (UFR-DIST-010), each in a wire format of its own, plus the
/// sandbox's own controls: <c>GET /sandbox/posts</c> (what the channels received) and, in
/// Development, <c>POST /sandbox/faults</c> (make a channel answer 503 the next N times; the same
/// as configuration <c>Sandbox:Faults:&lt;channel&gt; = N</c> at start).
/// </summary>
public static class ChannelApis
{
    private static readonly string[] ChannelNames =
    [
        UridongneTvApi.Channel, RingoBizApi.Channel, GenieTvApi.Channel,
        InstagramApi.Channel, NaverBlogApi.Channel, KakaoChannelApi.Channel,
    ];

    public static IEndpointRouteBuilder MapChannelApis(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("");
        channels.MapInstagramApi();
        channels.MapNaverBlogApi();
        channels.MapKakaoChannelApi();
        channels.MapUridongneTvApi();
        channels.MapRingoBizApi();
        channels.MapGenieTvApi();

        app.MapGet("/sandbox/posts", (string? channel, ChannelPostStore store) => TypedResults.Ok(store.Posts(channel)))
            .WithTags("Sandbox");

        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.MapPost("/sandbox/faults", IResult (FaultRequest request, ChannelPostStore store) =>
            {
                if (!ChannelNames.Contains(request.Channel) || request.Failures is < 0)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["channel"] = [$"channel must be one of {string.Join(", ", ChannelNames)}; failures at least 0."],
                    });
                }

                store.SetFaults(request.Channel!, request.Failures);
                return TypedResults.NoContent();
            }).WithTags("Sandbox");
        }

        return app;
    }

    /// <summary>Body of <c>POST /sandbox/faults</c>.</summary>
    public sealed record FaultRequest(string? Channel, int Failures);
}
