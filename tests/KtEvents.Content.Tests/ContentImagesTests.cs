using System.Xml.Linq;

using KtEvents.Content.Tests.Infrastructure;
using KtEvents.Contracts.Content.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.Content.Tests;

public sealed class ContentImagesTests(ContentServiceFixture fixture) : IClassFixture<ContentServiceFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static GenerateImagesRequest Request(Guid eventId, string title = "가을맞이 아메리카노 1+1 이벤트") => new()
    {
        EventId = eventId.ToString(),
        Title = title,
        Prize = "아메리카노 1잔 무료",
        StoreName = "카페 봄날",
        Period = "11.21 – 12.04",
        BrandColor = "#3366ff",
    };

    [Fact]
    public async Task UFR_CONT_010_generates_the_three_styles_at_1080_with_the_event_text()
    {
        var owner = Guid.CreateVersion7();
        var eventId = Guid.CreateVersion7();

        var reply = await fixture.Client.GenerateImagesAsync(Request(eventId), fixture.As(owner));

        Assert.Equal([ImageStyle.Simple, ImageStyle.Fancy, ImageStyle.Trendy], reply.Images.Select(image => image.Style).Order());
        Assert.Equal(3, reply.Images.Select(image => image.Svg).Distinct().Count());
        foreach (var image in reply.Images)
        {
            Assert.Equal((1080, 1080), (image.Width, image.Height));
            Assert.Equal(eventId.ToString(), image.EventId);
            Assert.False(image.Selected);
            var svg = XDocument.Parse(image.Svg).Root!;
            Assert.Equal(Svg + "svg", svg.Name);
            Assert.Equal(("1080", "1080"), ((string?)svg.Attribute("width"), (string?)svg.Attribute("height")));
            var text = Texts(svg);
            Assert.Contains(text, line => line.Contains("가을맞이아메리카노1+1이벤트", StringComparison.Ordinal));
            Assert.Contains(text, line => line.Contains("아메리카노1잔무료", StringComparison.Ordinal));
            Assert.Contains(text, line => line.Contains("카페봄날", StringComparison.Ordinal));
            Assert.Contains(text, line => line.Contains("11.21–12.04", StringComparison.Ordinal));
            Assert.All(svg.Descendants(Svg + "text"), element =>
                Assert.Equal("'Noto Sans CJK KR', sans-serif", (string?)element.Attribute("font-family")));
        }

        Assert.Equal(3, await fixture.CountAsync("SELECT count(*) FROM images WHERE event_id = $1 AND owner_id = $2", eventId, owner));
    }

    [Fact]
    public async Task UFR_CONT_010_markup_in_the_text_stays_text()
    {
        var title = "<script>alert('x')</script> & \"특가\"";

        var reply = await fixture.Client.GenerateImagesAsync(Request(Guid.CreateVersion7(), title), fixture.As(Guid.CreateVersion7()));

        foreach (var image in reply.Images)
        {
            var svg = XDocument.Parse(image.Svg).Root!;
            Assert.DoesNotContain(svg.Descendants(), element => element.Name.LocalName == "script");
            Assert.DoesNotContain("<script>", image.Svg);
            Assert.Contains("&lt;script&gt;", image.Svg);
            Assert.Contains(title.Replace(" ", ""), Texts(svg));
        }
    }

    [Fact]
    public async Task UFR_CONT_010_a_long_title_is_wrapped_onto_lines_that_fit()
    {
        var title = "우리 동네 수제 버거 가게가 준비한 연말 감사 대잔치 이벤트에 지금 바로 참여하세요";
        Assert.True(title.Length <= 50);

        var reply = await fixture.Client.GenerateImagesAsync(Request(Guid.CreateVersion7(), title), fixture.As(Guid.CreateVersion7()));

        foreach (var image in reply.Images)
        {
            var svg = XDocument.Parse(image.Svg).Root!;
            var titleText = svg.Descendants(Svg + "text").Single(element =>
                string.Concat(element.Elements(Svg + "tspan").Select(line => line.Value)).Replace(" ", "").StartsWith("우리동네", StringComparison.Ordinal)
                && (string?)element.Attribute("fill") != "#000000");
            var lines = titleText.Elements(Svg + "tspan").Select(line => line.Value).ToList();
            Assert.InRange(lines.Count, 2, 3);
            var fontSize = double.Parse((string)titleText.Attribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(lines, line => Assert.True(Rendering.TextWrap.Width(line) * fontSize <= 1080 - 200, $"'{line}' is wider than the image."));
            Assert.Equal(title.Replace(" ", ""), string.Concat(lines).Replace(" ", ""));
        }
    }

    [Fact]
    public async Task UFR_CONT_010_images_are_public_by_id_and_unknown_ids_are_not_found()
    {
        var reply = await fixture.Client.GenerateImagesAsync(Request(Guid.CreateVersion7()), fixture.As(Guid.CreateVersion7()));
        var generated = reply.Images[0];

        var image = await fixture.Client.GetImageAsync(new GetImageRequest { ImageId = generated.ImageId });

        Assert.Equal(generated.Svg, image.Svg);
        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GetImageAsync(new GetImageRequest { ImageId = Guid.CreateVersion7().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal("image_not_found", ServiceProblem.ReadCode(missing));
    }

    [Fact]
    public async Task UFR_CONT_010_selecting_is_owner_scoped_and_publishes_ContentFinalized()
    {
        var owner = Guid.CreateVersion7();
        var eventId = Guid.CreateVersion7();
        var reply = await fixture.Client.GenerateImagesAsync(Request(eventId), fixture.As(owner));
        var fancy = reply.Images.Single(image => image.Style == ImageStyle.Fancy);
        var select = new SelectImageRequest { EventId = eventId.ToString(), ImageId = fancy.ImageId };

        var foreign = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.SelectImageAsync(select, fixture.As(Guid.CreateVersion7())).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM images WHERE event_id = $1 AND selected", eventId));
        Assert.Equal(0, await Finalized(eventId));

        var selected = await fixture.Client.SelectImageAsync(select, fixture.As(owner));

        Assert.True(selected.Selected);
        Assert.Equal(fancy.ImageId, selected.ImageId);
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM images WHERE event_id = $1 AND selected AND image_id = $2", eventId, Guid.Parse(fancy.ImageId)));
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'content.content-finalized' AND body->>'eventId' = $1 AND body->>'imageId' = $2 AND body->>'style' = 'fancy'",
            eventId.ToString(), fancy.ImageId));

        // Choosing another image moves the selection: still one selected image per event.
        var simple = reply.Images.Single(image => image.Style == ImageStyle.Simple);
        await fixture.Client.SelectImageAsync(new SelectImageRequest { EventId = eventId.ToString(), ImageId = simple.ImageId }, fixture.As(owner));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM images WHERE event_id = $1 AND selected AND image_id = $2", eventId, Guid.Parse(simple.ImageId)));
        Assert.Equal(2, await Finalized(eventId));
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("   ", "title")]
    [InlineData("가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자", "title")]
    public async Task UFR_CONT_010_bad_titles_are_rejected_and_nothing_is_stored(string title, string field)
    {
        var eventId = Guid.CreateVersion7();

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GenerateImagesAsync(Request(eventId, title), fixture.As(Guid.CreateVersion7())).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("validation_failed", ServiceProblem.ReadCode(error));
        Assert.Contains(field, ServiceProblem.ReadFieldErrors(error)!.Keys);
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM images WHERE event_id = $1", eventId));
    }

    [Fact]
    public async Task UFR_CONT_010_a_bad_event_id_or_colour_is_rejected()
    {
        var request = Request(Guid.CreateVersion7());
        request.EventId = "not-a-guid";
        request.BrandColor = "red";

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GenerateImagesAsync(request, fixture.As(Guid.CreateVersion7())).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["brandColor", "eventId"], ServiceProblem.ReadFieldErrors(error)!.Keys.Order());
    }

    [Fact]
    public async Task UFR_CONT_010_generating_needs_a_signed_in_owner()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Client.GenerateImagesAsync(Request(Guid.CreateVersion7())).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private Task<long> Finalized(Guid eventId) =>
        fixture.CountAsync("SELECT count(*) FROM kt_outbox WHERE routing_key = 'content.content-finalized' AND body->>'eventId' = $1", eventId.ToString());

    /// <summary>Each text element's characters without spaces (wrapping moves and drops spaces, not words).</summary>
    private static List<string> Texts(XElement svg) =>
        svg.Descendants(Svg + "text").Select(element => element.Value.Replace(" ", "")).ToList();
}
