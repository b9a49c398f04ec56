using System.Net.Http.Json;

using KtEvents.Contracts.Problems;
using KtEvents.Contracts.User.V1;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;
using KtEvents.User.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KtEvents.User.Tests;

[Collection(UserServiceCollection.Name)]
public sealed class RegistrationTests(UserServiceFixture service)
{
    [Fact]
    public async Task UFR_USER_010_Sign_up_stores_owner_store_and_event_and_signs_in_with_tokens_the_jwks_verifies()
    {
        var request = TestRegistrations.Valid();
        var phone = request.Phone;
        var businessNumber = request.BusinessNumber;
        request.Phone = $"{phone[..3]}-{phone[3..7]}-{phone[7..]}";
        request.BusinessNumber = $"{businessNumber[..3]}-{businessNumber[3..5]}-{businessNumber[5..]}";

        var reply = await service.Client.RegisterAsync(request).ResponseAsync;

        var owner = reply.Owner;
        Assert.Equal(phone, owner.Phone);
        Assert.Equal("홍길동", owner.Name);
        Assert.Equal(businessNumber, owner.Store.BusinessNumber);
        Assert.Equal("cafe", owner.Store.Industry);
        Assert.Equal("매일 09:00-21:00", owner.Store.OpeningHours);
        var userId = Guid.Parse(owner.UserId);
        var storeId = Guid.Parse(owner.Store.StoreId);

        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM users WHERE id = $1 AND phone = $2", userId, phone));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM stores WHERE id = $1 AND owner_id = $2 AND business_number = $3", storeId, userId, businessNumber));
        // The password is stored hashed, never as typed.
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM users WHERE id = $1 AND password_hash LIKE '%' || $2 || '%'", userId, TestRegistrations.Password));
        Assert.Equal(1, await service.CountAsync(
            "SELECT count(*) FROM kt_outbox WHERE routing_key = 'user.user-registered' AND body->>'userId' = $1 AND body->>'storeId' = $2 AND body->>'industry' = 'cafe'",
            userId.ToString(), storeId.ToString()));

        // Tokens: an access token for 15 minutes that any service verifies with the published JWKS, and a refresh token.
        Assert.InRange(reply.AccessTokenExpiresAt.ToDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.NotEmpty(reply.RefreshToken);
        var claims = await ValidateWithJwksAsync(reply.AccessToken);
        Assert.Equal(userId.ToString(), claims.Single(claim => claim.Type == OwnerClaims.Subject).Value);
        Assert.Equal(storeId.ToString(), claims.Single(claim => claim.Type == OwnerClaims.StoreId).Value);

        var profile = await service.Client.GetProfileAsync(new GetProfileRequest(), UserServiceFixture.WithToken(reply.AccessToken)).ResponseAsync;
        Assert.Equal(owner, profile);
    }

    [Fact]
    public async Task UFR_USER_010_Wrong_check_digit_is_refused_before_asking_the_nts_and_nothing_is_stored()
    {
        var request = TestRegistrations.Valid();
        request.BusinessNumber = TestRegistrations.WithWrongCheckDigit(request.BusinessNumber);
        var ntsRequests = service.Nts.Requests;

        await ProblemAssert.FailsAsync(service.Client.RegisterAsync(request).ResponseAsync, StatusCode.InvalidArgument, "business_number_checksum");

        Assert.Equal(ntsRequests, service.Nts.Requests);
        await AssertNothingStoredAsync(request);
    }

    [Theory]
    [InlineData(TestRegistrations.UnregisteredNumber, "business_number_unknown")]
    [InlineData(TestRegistrations.SuspendedNumber, "business_suspended")]
    [InlineData(TestRegistrations.ClosedNumber, "business_closed")]
    public async Task UFR_USER_010_Business_the_nts_does_not_confirm_as_active_is_refused_and_nothing_is_stored(string businessNumber, string code)
    {
        var request = TestRegistrations.Valid();
        request.BusinessNumber = businessNumber;
        var ntsRequests = service.Nts.Requests;

        var problem = await ProblemAssert.FailsAsync(service.Client.RegisterAsync(request).ResponseAsync, StatusCode.FailedPrecondition, code);

        Assert.Equal(ntsRequests + 1, service.Nts.Requests);
        Assert.Contains("사업자번호", problem.Status.Detail);
        await AssertNothingStoredAsync(request);
    }

    [Fact]
    public async Task UFR_USER_010_Nts_outage_is_business_check_unavailable_and_nothing_is_stored()
    {
        var request = TestRegistrations.Valid();
        service.Nts.Down = true;
        try
        {
            await ProblemAssert.FailsAsync(service.Client.RegisterAsync(request).ResponseAsync, StatusCode.Unavailable, "business_check_unavailable");
        }
        finally
        {
            service.Nts.Down = false;
        }

        await AssertNothingStoredAsync(request);
        // Once the NTS is back, the same sign-up goes through.
        await service.Client.RegisterAsync(request).ResponseAsync;
    }

    [Fact]
    public async Task UFR_USER_010_Phone_already_signed_up_in_another_form_is_phone_taken()
    {
        var first = TestRegistrations.Valid();
        await service.Client.RegisterAsync(first).ResponseAsync;
        var second = TestRegistrations.Valid();
        second.Phone = $"+82 10 {first.Phone[3..7]} {first.Phone[7..]}";

        await ProblemAssert.FailsAsync(service.Client.RegisterAsync(second).ResponseAsync, StatusCode.AlreadyExists, "phone_taken");

        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM stores WHERE business_number = $1", second.BusinessNumber));
    }

    [Fact]
    public async Task UFR_USER_010_Business_number_already_signed_up_is_business_number_taken()
    {
        var first = TestRegistrations.Valid();
        await service.Client.RegisterAsync(first).ResponseAsync;
        var second = TestRegistrations.Valid();
        second.BusinessNumber = first.BusinessNumber;

        await ProblemAssert.FailsAsync(service.Client.RegisterAsync(second).ResponseAsync, StatusCode.AlreadyExists, "business_number_taken");

        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM users WHERE phone = $1", second.Phone));
    }

    [Fact]
    public async Task UFR_USER_010_Every_invalid_field_gets_its_own_korean_message()
    {
        var request = new RegisterRequest
        {
            Name = "김",
            Phone = "02-123-4567",
            Email = "owner@",
            Password = "password",
            StoreName = " ",
            Industry = "bank",
            Address = "",
            OpeningHours = new string('9', 101),
            BusinessNumber = "123-45-678",
        };

        var problem = await ProblemAssert.FailsAsync(service.Client.RegisterAsync(request).ResponseAsync, StatusCode.InvalidArgument, "validation_failed");

        var errors = ServiceProblem.ReadFieldErrors(problem);
        Assert.NotNull(errors);
        Assert.Equal(
            ["address", "businessNumber", "email", "industry", "name", "openingHours", "password", "phone", "storeName"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.Matches("[가-힣]", Assert.Single(messages)));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM users WHERE phone = '021234567'"));
    }

    [Theory]
    [InlineData("name", "J")]
    [InlineData("name", "홍길동1")]
    [InlineData("phone", "010-1234-567")]
    [InlineData("phone", "011-1234-5678")]
    [InlineData("email", "owner.example.com")]
    [InlineData("password", "abc12345")]
    [InlineData("password", "abcdefg!")]
    [InlineData("password", "1234567!")]
    [InlineData("password", "ab1!")]
    [InlineData("industry", "")]
    [InlineData("businessNumber", "")]
    [InlineData("businessNumber", "12345678901")]
    public async Task UFR_USER_010_A_single_bad_field_is_named(string field, string value)
    {
        var request = TestRegistrations.Valid();
        var property = typeof(RegisterRequest).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!;
        property.SetValue(request, value);

        var problem = await ProblemAssert.FailsAsync(service.Client.RegisterAsync(request).ResponseAsync, StatusCode.InvalidArgument, "validation_failed");

        Assert.Equal([field], ServiceProblem.ReadFieldErrors(problem)!.Keys);
        await AssertNothingStoredAsync(request);
    }

    [Theory]
    [InlineData("Kim Minsu", "010{0}{1}")]
    [InlineData("김 민수", "010.{0}.{1}")]
    [InlineData("Lee", "+82-10-{0}-{1}")]
    public async Task UFR_USER_010_Names_and_phone_forms_people_type_are_accepted(string name, string phoneForm)
    {
        var request = TestRegistrations.Valid();
        var phone = TestRegistrations.NewPhone();
        request.Name = name;
        request.Phone = string.Format(System.Globalization.CultureInfo.InvariantCulture, phoneForm, phone[3..7], phone[7..]);

        var reply = await service.Client.RegisterAsync(request).ResponseAsync;

        Assert.Equal(phone, reply.Owner.Phone);
        Assert.Equal(name, reply.Owner.Name);
    }

    private async Task AssertNothingStoredAsync(RegisterRequest request)
    {
        var phone = request.Phone.Replace("-", "");
        var businessNumber = request.BusinessNumber.Replace("-", "");
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM users WHERE phone = $1", phone));
        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM stores WHERE business_number = $1", businessNumber));
        Assert.Equal(0, await service.CountAsync(
            "SELECT count(*) FROM kt_outbox o WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id::text = o.body->>'userId')"));
    }

    /// <summary>Checks the token as every other service does: ES256 with the keys fetched from the JWKS over h2c.</summary>
    private async Task<IReadOnlyList<System.Security.Claims.Claim>> ValidateWithJwksAsync(string token)
    {
        using var http = service.CreateHttpClient();
        using var jwksResponse = await http.GetAsync("/.well-known/jwks.json");
        Assert.Equal(JsonWebKeySet.MediaType, jwksResponse.Content.Headers.ContentType?.MediaType);
        var jwks = await jwksResponse.Content.ReadFromJsonAsync<JsonWebKeySet>();
        Assert.All(jwks!.Keys, key => Assert.Equal(("EC", "P-256", "ES256"), (key.KeyType, key.Curve, key.Algorithm)));

        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var keys = new JwksKeyProvider(
            services.GetRequiredService<IHttpClientFactory>(),
            new JwksKeyProviderOptions(new Uri(service.Address, "/.well-known/jwks.json"), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1), true),
            TimeProvider.System,
            NullLogger<JwksKeyProvider>.Instance);
        var validator = new Es256JwtValidator(new JwtValidationParameters("kt-events", "kt-events", TimeSpan.FromSeconds(30)), keys, TimeProvider.System);
        var result = await validator.ValidateAsync(token);
        Assert.True(result.IsValid, $"The token failed validation: {result.Error}");
        return result.Claims;
    }
}
