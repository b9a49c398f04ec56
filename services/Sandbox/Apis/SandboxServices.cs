namespace KtEvents.Sandbox.Apis;

public static class SandboxServices
{
    /// <summary>Registers what the sandbox's fake APIs share.</summary>
    public static IHostApplicationBuilder AddSandboxServices(this IHostApplicationBuilder builder) => builder;
}
