using System.Net;

namespace KtEvents.EndToEnd.Tests.Infrastructure;

/// <summary>Sign-up data of a new owner: a phone and a business number nobody else has.</summary>
public static class Owners
{
    /// <summary>A new owner, signed up through the gateway, whose client carries the access token.</summary>
    public static async Task<GatewayClient> SignedInAsync(Uri gateway)
    {
        var client = new GatewayClient(gateway);
        var session = (await client.PostAsync("/api/auth/register", SignUp(NewPhone(), BusinessNumbers.NewValid()))).Expect(HttpStatusCode.Created).Json;
        client.AccessToken = session.GetProperty("accessToken").GetString();
        return client;
    }

    public static string NewPhone() => $"010{Random.Shared.Next(10_000_000, 99_999_999)}";

    public static object SignUp(string phone, string businessNumber) => new
    {
        name = "김사장",
        phone = $"{phone[..3]}-{phone[3..7]}-{phone[7..]}",
        email = $"owner{phone[3..]}@example.kr",
        password = "Kt-events-2026!",
        storeName = "행복한 분식",
        industry = "restaurant",
        address = "서울특별시 강남구 테헤란로 123",
        openingHours = "10:00-22:00",
        businessNumber,
    };

    public const string Password = "Kt-events-2026!";
}
