using KtEvents.Contracts.Channels;

namespace KtEvents.Gateway.Tests;

/// <summary>
/// The gateway forwards only the hint names the web app knows; anything else a service (or a stranger
/// with Redis access) publishes becomes a plain "refresh everything" event hint.
/// </summary>
public sealed class LiveHintTests
{
    [Theory]
    [InlineData(LiveHint.Event)]
    [InlineData(LiveHint.Distribution)]
    [InlineData(LiveHint.Analytics)]
    public void A_published_hint_reads_back_as_its_type(string type) =>
        Assert.Equal(type, LiveHint.Read(LiveHint.Message(type)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"type":42}""")]
    [InlineData("""{"type":"<script>"}""")]
    [InlineData("""{"kind":"analytics"}""")]
    public void Anything_else_reads_as_an_event_hint(string? message) =>
        Assert.Equal(LiveHint.Event, LiveHint.Read(message));

    [Fact]
    public void Only_known_types_can_be_published() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LiveHint.Message("everything"));
}
