using KtEvents.Contracts.Event.V1;
using KtEvents.Event.Model;

namespace KtEvents.Event.Tests;

/// <summary>UFR-EVENT-040: each channel's cost and exposure from its options, and the checks on them.</summary>
public sealed class ChannelPricingTests
{
    [Fact]
    public void UFR_EVENT_040_prices_each_channel_and_totals_them()
    {
        var errors = new Dictionary<string, string[]>();
        var plan = ChannelPricing.Estimate(
            [
                Choice("uridongne_tv", ("radius", "1km"), ("timeSlot", "weekend_lunch")),
                Choice("genie_tv", ("region", "서울 강남구"), ("timeSlot", "all_day"), ("budget", "500000")),
                Choice("ringo_biz"),
                Choice("kakao_channel"),
            ],
            errors);

        Assert.Empty(errors);
        Assert.NotNull(plan);
        Assert.Equal([150_000L, 500_000L, 30_000L, 0L], plan.Channels.Select(c => c.CostKrw));
        Assert.Equal([12_000L, 30_000L, 1_500L, 3_000L], plan.Channels.Select(c => c.ExpectedExposure));
        Assert.Equal(680_000, plan.TotalCostKrw);
        Assert.Equal(46_500, plan.TotalExposure);
    }

    [Fact]
    public void UFR_EVENT_040_a_wider_radius_and_a_busier_slot_reach_more_people()
    {
        var small = Single(Choice("uridongne_tv", ("radius", "500m"), ("timeSlot", "weekend_lunch")));
        var wide = Single(Choice("uridongne_tv", ("radius", "1km"), ("timeSlot", "weekend_lunch")));
        var allDay = Single(Choice("uridongne_tv", ("radius", "1km"), ("timeSlot", "all_day")));
        Assert.True(small.ExpectedExposure < wide.ExpectedExposure);
        Assert.True(wide.ExpectedExposure < allDay.ExpectedExposure);
        Assert.True(small.CostKrw < wide.CostKrw);
    }

    [Theory]
    [InlineData("genie_tv", "budget", "99999")]
    [InlineData("genie_tv", "budget", "10000001")]
    [InlineData("genie_tv", "budget", "-5")]
    [InlineData("uridongne_tv", "radius", "3km")]
    [InlineData("uridongne_tv", "timeSlot", "midnight")]
    [InlineData("instagram", "scheduledAt", "next tuesday")]
    public void UFR_EVENT_040_bad_options_get_a_Korean_message_for_their_channel(string channel, string key, string value)
    {
        var errors = new Dictionary<string, string[]>();
        var choice = channel == "genie_tv" ? Choice(channel, ("region", "부산"), (key, value)) : Choice(channel, (key, value));

        Assert.Null(ChannelPricing.Estimate([choice], errors));
        Assert.Matches("[가-힣]", Assert.Single(errors[$"channels.{channel}"]));
    }

    [Fact]
    public void UFR_EVENT_040_an_unknown_or_repeated_channel_is_refused()
    {
        var unknown = new Dictionary<string, string[]>();
        Assert.Null(ChannelPricing.Estimate([Choice("billboard")], unknown));
        Assert.Contains("channels", unknown.Keys);

        var repeated = new Dictionary<string, string[]>();
        Assert.Null(ChannelPricing.Estimate([Choice("instagram"), Choice("instagram")], repeated));
        Assert.Equal("같은 채널을 두 번 선택할 수 없습니다.", Assert.Single(repeated["channels"]));
    }

    [Fact]
    public void UFR_EVENT_040_a_scheduled_post_keeps_its_time_in_UTC()
    {
        var estimate = Single(Choice("instagram", ("scheduledAt", "2026-12-01T10:00:00+09:00")));
        Assert.Equal("2026-12-01T01:00:00.0000000+00:00", estimate.Options["scheduledAt"]);
    }

    private static ChannelEstimate Single(ChannelChoice choice)
    {
        var errors = new Dictionary<string, string[]>();
        var plan = ChannelPricing.Estimate([choice], errors);
        Assert.Empty(errors);
        return Assert.Single(plan!.Channels);
    }

    private static ChannelChoice Choice(string channel, params (string Key, string Value)[] options)
    {
        var choice = new ChannelChoice { Channel = channel };
        foreach (var (key, value) in options)
        {
            choice.Options[key] = value;
        }

        return choice;
    }
}
