using KtEvents.Participation.Model;

namespace KtEvents.Participation.Tests;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("010-1234-5678", "01012345678")]
    [InlineData("010 1234 5678", "01012345678")]
    [InlineData("01012345678", "01012345678")]
    [InlineData("+82 10-1234-5678", "01012345678")]
    [InlineData("011-234-5678", "0112345678")]
    [InlineData("02-1234-5678", null)]
    [InlineData("010-234-5678", null)]
    [InlineData("010-1234-56789", null)]
    [InlineData("010/1234/5678", null)]
    [InlineData("", null)]
    public void UFR_PART_010_mobile_numbers_are_normalised_to_digits(string input, string? expected) =>
        Assert.Equal(expected, PhoneNumber.NormalizeMobile(input));

    [Theory]
    [InlineData("홍길동", "홍*동")]
    [InlineData("김수", "김*")]
    [InlineData("남궁민수", "남**수")]
    [InlineData("Kim Lee", "K*****e")]
    public void UFR_PART_020_names_are_masked(string name, string expected) => Assert.Equal(expected, PersonName.Mask(name));

    [Theory]
    [InlineData("01012345678", "010-****-5678")]
    [InlineData("0112345678", "011-***-5678")]
    public void UFR_PART_020_phones_are_masked(string phone, string expected) => Assert.Equal(expected, PhoneNumber.Mask(phone));
}
