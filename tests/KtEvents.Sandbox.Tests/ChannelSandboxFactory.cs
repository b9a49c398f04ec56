using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KtEvents.Sandbox.Tests;

/// <summary>The Sandbox in Development, where <c>POST /sandbox/faults</c> is mapped; a memory of posts of its own.</summary>
public sealed class ChannelSandboxFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}
