using System.Security.Cryptography;

using KtEvents.Contracts.User.V1;
using KtEvents.User.Model;

namespace KtEvents.User.Tests.Infrastructure;

/// <summary>Valid sign-ups with a fresh phone and business number each, so tests never collide.</summary>
public static class TestRegistrations
{
    /// <summary>The Sandbox registry (services/Sandbox/Apis/NtsApi.cs).</summary>
    public const string SuspendedNumber = "2000000008";
    public const string ClosedNumber = "3000000007";
    public const string UnregisteredNumber = "4000000006";

    public const string Password = "s3cret!pass";

    public static RegisterRequest Valid() => new()
    {
        Name = "홍길동",
        Phone = NewPhone(),
        Email = "owner@example.com",
        Password = Password,
        StoreName = "길동 커피",
        Industry = "cafe",
        Address = "서울특별시 종로구 세종대로 1",
        OpeningHours = "매일 09:00-21:00",
        BusinessNumber = NewBusinessNumber(),
    };

    /// <summary>010 and eight random digits.</summary>
    public static string NewPhone() => "010" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8");

    /// <summary>Nine random digits (first digit 5–9, away from the registry's special numbers) and the right check digit: a 계속사업자.</summary>
    public static string NewBusinessNumber()
    {
        var prefix = RandomNumberGenerator.GetInt32(500_000_000, 1_000_000_000).ToString("D9");
        return Enumerable.Range(0, 10).Select(digit => prefix + digit).Single(BusinessNumber.HasValidCheckDigit);
    }

    /// <summary>The same nine digits with a wrong check digit.</summary>
    public static string WithWrongCheckDigit(string number) => number[..9] + (char)('0' + (number[9] - '0' + 1) % 10);
}
