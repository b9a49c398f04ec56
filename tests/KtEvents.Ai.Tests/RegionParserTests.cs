using KtEvents.Ai.Model;

namespace KtEvents.Ai.Tests;

public sealed class RegionParserTests
{
    [Theory]
    [InlineData("서울특별시 강남구 테헤란로 123", "서울", "강남구")]
    [InlineData("서울 마포구 양화로 45", "서울", "마포구")]
    [InlineData("경기도 성남시 분당구 판교역로 235", "경기", "분당구")]
    [InlineData("경기 화성시 동탄대로 10", "경기", "화성시")]
    [InlineData("부산광역시 부산진구 중앙대로 100", "부산", "부산진구")]
    [InlineData("대구 중구 동성로 1", "대구", "중구")]
    [InlineData("강원특별자치도 춘천시 중앙로 1", "강원", "춘천시")]
    [InlineData("충청남도 천안시 서북구 불당대로 5", "충남", "서북구")]
    [InlineData("전라남도 담양군 담양읍 1", "전남", "담양군")]
    [InlineData("제주특별자치도 제주시 첨단로 242", "제주", "제주시")]
    [InlineData("세종특별자치시 한누리대로 2130", "세종", "")]
    public void UFR_AI_010_region_is_read_from_a_korean_address(string address, string city, string district)
    {
        Assert.Equal(new Region(city, district), RegionParser.Parse(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("123 Main Street, Springfield")]
    [InlineData("테헤란로 123")]
    public void UFR_AI_010_an_address_without_a_province_gives_an_unknown_region(string address)
    {
        var region = RegionParser.Parse(address);

        Assert.Equal(Region.Unknown, region);
        Assert.Equal("전국", region.Label);
    }
}
