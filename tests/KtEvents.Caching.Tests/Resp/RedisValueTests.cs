namespace KtEvents.Caching.Tests.Resp;

public sealed class RedisValueTests
{
    [Fact]
    public void NullIsDistinctFromEmpty()
    {
        Assert.True(RedisValue.Null.IsNull);
        Assert.True(RedisValue.Null.IsNullOrEmpty);
        Assert.False(RedisValue.EmptyString.IsNull);
        Assert.True(RedisValue.EmptyString.IsNullOrEmpty);
        Assert.NotEqual(RedisValue.Null, RedisValue.EmptyString);
        Assert.True(((RedisValue)(string?)null).IsNull);
        Assert.Null((string?)RedisValue.Null);
        Assert.Equal(0, (long)RedisValue.Null);
        Assert.Null((long?)RedisValue.Null);
    }

    [Fact]
    public void TextAndBytesWithTheSameUtf8AreEqual()
    {
        RedisValue text = "키";
        RedisValue bytes = "키"u8.ToArray();
        Assert.Equal(text, bytes);
        Assert.Equal(text.GetHashCode(), bytes.GetHashCode());
        Assert.Equal("키", (string?)bytes);
    }

    [Fact]
    public void NumbersConvertBothWays()
    {
        Assert.Equal("42", (string?)(RedisValue)42);
        Assert.Equal(42, (long)(RedisValue)"42");
        Assert.Equal(42, (int)(RedisValue)"42"u8.ToArray());
        Assert.Equal("1.5", (string?)(RedisValue)1.5);
        Assert.Equal("+inf", (string?)(RedisValue)double.PositiveInfinity);
        Assert.Equal(double.NegativeInfinity, (double)(RedisValue)"-inf");
        Assert.Equal(2.25, (double)(RedisValue)"2.25");
        Assert.Equal((RedisValue)"7", (RedisValue)7);
        Assert.True((bool)(RedisValue)"1");
        Assert.False((bool)(RedisValue)0);
        Assert.Throws<InvalidCastException>(() => (long)(RedisValue)"seven");
        Assert.Throws<InvalidCastException>(() => (long)(RedisValue)"12abc"u8.ToArray());
    }

    [Fact]
    public void KeysAndChannelsCompareByTheirBytes()
    {
        Assert.Equal((RedisKey)"event:1", (RedisKey)"event:1"u8.ToArray());
        Assert.Equal("event:1", (string?)(RedisKey)"event:1"u8.ToArray());
        Assert.Equal(RedisChannel.Literal("c"), RedisChannel.Literal("c"u8.ToArray()));
        Assert.NotEqual(RedisChannel.Literal("c*"), RedisChannel.Pattern("c*"));
    }
}
