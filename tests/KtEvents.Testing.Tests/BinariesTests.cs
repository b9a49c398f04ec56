using KtEvents.Hosting.Processes;

namespace KtEvents.Testing.Tests;

public class BinariesTests
{
    [Fact]
    public void A_missing_binary_names_the_debian_package_that_installs_it()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(
            () => Binaries.Require("kt-no-such-server", "kt-server-package"));
        Assert.Equal("'kt-no-such-server' was not found on this machine. Install it with: apt-get install -y kt-server-package", error.Message);
    }

    [Fact]
    public void The_installed_servers_are_found()
    {
        Assert.EndsWith("/initdb", Binaries.PostgresTool("initdb"));
        Assert.EndsWith("/redis-server", Binaries.Require("redis-server", "redis-server"));
    }
}
