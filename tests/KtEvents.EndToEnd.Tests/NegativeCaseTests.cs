using System.Net;

using KtEvents.EndToEnd.Tests.Infrastructure;

namespace KtEvents.EndToEnd.Tests;

/// <summary>Issue #4's negative cases: each gets a clear Korean error with its code, and nothing is stored.</summary>
[Collection(SystemCollection.Name)]
public sealed class NegativeCaseTests(SystemFixture system)
{
    [Fact]
    public async Task UFR_USER_010_a_wrong_check_digit_is_refused_and_nothing_is_stored()
    {
        using var client = new GatewayClient(system.Gateway);
        var phone = Owners.NewPhone();
        var reply = (await client.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.WithWrongCheckDigit(BusinessNumbers.NewValid()))))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("business_number_checksum", reply.Code);
        Assert.Matches("[가-힣]", reply.Detail);
        await AssertNoUserAsync(phone);
    }

    [Fact]
    public async Task UFR_USER_010_a_closed_business_is_refused_and_nothing_is_stored()
    {
        using var client = new GatewayClient(system.Gateway);
        var phone = Owners.NewPhone();
        var reply = (await client.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.Closed))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("business_closed", reply.Code);
        Assert.Contains("폐업", reply.Detail, StringComparison.Ordinal);
        await AssertNoUserAsync(phone);
    }

    [Fact]
    public async Task UFR_USER_010_a_phone_already_signed_up_is_refused()
    {
        using var client = new GatewayClient(system.Gateway);
        var phone = Owners.NewPhone();
        (await client.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.NewValid()))).Expect(HttpStatusCode.Created);
        var reply = (await client.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.NewValid()))).Expect(HttpStatusCode.Conflict);
        Assert.Equal("phone_taken", reply.Code);
        await using var users = system.Database("userdb");
        Assert.Equal(1L, await JourneyTests.ScalarAsync<long>(users, "SELECT count(*) FROM users WHERE phone = $1", phone));
    }

    [Fact]
    public async Task UFR_USER_010_bad_fields_get_a_400_with_a_message_per_field()
    {
        using var client = new GatewayClient(system.Gateway);
        var reply = (await client.PostAsync("/api/auth/register", new { name = "김", phone = "12345", email = "not-an-email", password = "short" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", reply.Code);
        var errors = reply.Json.GetProperty("errors");
        foreach (var field in new[] { "name", "phone", "email", "password", "storeName", "address", "businessNumber" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {reply.Text}");
            Assert.Matches("[가-힣]", messages[0].GetString()!);
        }
    }

    [Fact]
    public async Task UFR_USER_020_a_wrong_password_gets_the_story_message()
    {
        using var client = new GatewayClient(system.Gateway);
        var phone = Owners.NewPhone();
        (await client.PostAsync("/api/auth/register", Owners.SignUp(phone, BusinessNumbers.NewValid()))).Expect(HttpStatusCode.Created);
        var reply = (await client.PostAsync("/api/auth/login", new { phone, password = "Wrong-password-1", keepSignedIn = false }))
            .Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_credentials", reply.Code);
        Assert.Equal("전화번호 또는 비밀번호를 확인해주세요", reply.Detail.TrimEnd('.'));
    }

    [Fact]
    public async Task UFR_EVENT_050_approval_without_a_channel_is_refused_and_the_event_stays_a_draft()
    {
        using var owner = await Owners.SignedInAsync(system.Gateway);
        var eventId = (await owner.PostAsync("/api/events", new { purpose = "sales" })).Expect(HttpStatusCode.Created).Json.GetProperty("id").GetString();
        var reply = (await owner.PostAsync($"/api/events/{eventId}/approve")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("no_plan_selected", reply.Code);

        var plans = (await owner.PostAsync($"/api/events/{eventId}/recommendations")).Expect(HttpStatusCode.OK)
            .Json.GetProperty("recommendation").GetProperty("plans");
        (await owner.PutAsync($"/api/events/{eventId}/plan", new { planId = plans[0].GetProperty("planId").GetString(), title = "주말 할인 이벤트", prize = "음료 쿠폰" }))
            .Expect(HttpStatusCode.OK);
        var imageId = (await owner.PostAsync($"/api/events/{eventId}/images")).Expect(HttpStatusCode.OK).Json.GetProperty("images")[0].GetProperty("imageId").GetString();
        (await owner.PutAsync($"/api/events/{eventId}/image", new { imageId })).Expect(HttpStatusCode.OK);

        var noChannels = (await owner.PutAsync($"/api/events/{eventId}/channels", new { channels = Array.Empty<object>() })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("no_channels", noChannels.Code);
        Assert.Equal("배포 채널을 1개 이상 선택해주세요.", noChannels.Detail);
        var approve = (await owner.PostAsync($"/api/events/{eventId}/approve")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("no_channels", approve.Code);

        await using var events = system.Database("eventdb");
        Assert.Equal("draft", await JourneyTests.ScalarAsync<string>(events, "SELECT status FROM events WHERE id = $1", Guid.Parse(eventId!)));
    }

    [Fact]
    public async Task UFR_EVENT_060_another_owners_event_is_not_found()
    {
        using var first = await Owners.SignedInAsync(system.Gateway);
        using var second = await Owners.SignedInAsync(system.Gateway);
        var eventId = (await first.PostAsync("/api/events", new { purpose = "awareness" })).Expect(HttpStatusCode.Created).Json.GetProperty("id").GetString();

        foreach (var path in new[] { $"/api/events/{eventId}", $"/api/events/{eventId}/distribution", $"/api/events/{eventId}/analytics", $"/api/events/{eventId}/live" })
        {
            var reply = (await second.GetAsync(path)).Expect(HttpStatusCode.NotFound);
            Assert.Equal("application/problem+json", reply.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync($"/api/events/{eventId}/approve")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await second.PutAsync($"/api/events/{eventId}/sales", new { salesIncreaseKrw = 1_000_000 })).Status);
        Assert.Equal(0, (await second.GetAsync("/api/events")).Expect(HttpStatusCode.OK).Json.GetArrayLength());
    }

    [Fact]
    public async Task UFR_ANAL_010_a_missing_or_negative_sales_figure_is_a_field_error_and_a_draft_has_no_sales()
    {
        using var owner = await Owners.SignedInAsync(system.Gateway);
        var eventId = (await owner.PostAsync("/api/events", new { purpose = "sales" })).Expect(HttpStatusCode.Created).Json.GetProperty("id").GetString();

        foreach (var body in new object[] { new { }, new { salesIncreaseKrw = -1 } })
        {
            var reply = (await owner.PutAsync($"/api/events/{eventId}/sales", body)).Expect(HttpStatusCode.BadRequest);
            Assert.Equal("validation_failed", reply.Code);
            Assert.Matches("[가-힣]", reply.Json.GetProperty("errors").GetProperty("salesIncreaseKrw")[0].GetString()!);
        }

        var draft = (await owner.PutAsync($"/api/events/{eventId}/sales", new { salesIncreaseKrw = 1_000_000 })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("event_not_ended", draft.Code);
        var malformed = (await owner.PutAsync($"/api/events/{eventId}/sales", new { salesIncreaseKrw = "백만원" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", malformed.MediaType);
        var stored = (await owner.GetAsync($"/api/events/{eventId}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("sales").ValueKind);
    }

    [Fact]
    public async Task Owner_routes_need_a_token()
    {
        using var anonymous = new GatewayClient(system.Gateway);
        var reply = (await anonymous.GetAsync("/api/events")).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", reply.Code);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var client = new GatewayClient(system.Gateway);
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync("/api/auth/login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task AssertNoUserAsync(string phone)
    {
        await using var users = system.Database("userdb");
        Assert.Equal(0L, await JourneyTests.ScalarAsync<long>(users, "SELECT count(*) FROM users WHERE phone = $1", phone));
    }
}
