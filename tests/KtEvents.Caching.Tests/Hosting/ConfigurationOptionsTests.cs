using System.Net;

namespace KtEvents.Caching.Tests.Hosting;

public sealed class ConfigurationOptionsTests
{
    [Fact]
    public void ParsesWhatAspirePasses()
    {
        var options = ConfigurationOptions.Parse("localhost:6380,password=pa=ss,ssl=false,abortConnect=False,user=app");
        Assert.Equal(new DnsEndPoint("localhost", 6380), Assert.Single(options.EndPoints));
        Assert.Equal("pa=ss", options.Password);
        Assert.Equal("app", options.User);
        Assert.False(options.Ssl);
        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void ParsesAddressesPortsAndTimeouts()
    {
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6379), ConfigurationOptions.Parse("127.0.0.1").EndPoints[0]);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 7000), ConfigurationOptions.Parse("[::1]:7000").EndPoints[0]);
        var options = ConfigurationOptions.Parse(" redis:1 , asyncTimeout=250 , connectTimeout=1000 , defaultDatabase=0 , name=svc-event , allowAdmin=true ");
        Assert.Equal(250, options.AsyncTimeout);
        Assert.Equal(1000, options.ConnectTimeout);
        Assert.Equal(0, options.DefaultDatabase);
        Assert.Equal("svc-event", options.ClientName);
        Assert.True(options.AllowAdmin);
    }

    [Theory]
    [InlineData("", "no endpoint")]
    [InlineData("localhost:notaport", "port")]
    [InlineData("localhost:70000", "port")]
    [InlineData("a:1,b:2", "several endpoints")]
    [InlineData("localhost:6379,ssl=true", "ssl=true")]
    [InlineData("localhost:6379,sentinel=yes", "'sentinel'")]
    [InlineData("localhost:6379,asyncTimeout=-5", "asyncTimeout")]
    [InlineData("localhost:6379,name=two words", "name=")]
    public void RefusesWhatItCannotServeAndSaysWhy(string configuration, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => ConfigurationOptions.Parse(configuration));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringMasksThePassword()
    {
        var text = ConfigurationOptions.Parse("localhost:6379,password=hunter2").ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.StartsWith("localhost:6379,password=*****", text, StringComparison.Ordinal);
    }
}
