using System.Diagnostics;

using KtEvents.Testing;

namespace KtEvents.Rpc.Tests.Infrastructure;

/// <summary>
/// The @grpc/grpc-js peers in the output folder's <c>interop/</c>, run through the fixture's
/// <see cref="NodeScripts"/> (npm ci once from the committed lock file; Node required, never skipped).
/// </summary>
public static class NodeInterop
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "interop");

    public static string ProtoPath { get; } = Path.Combine(Directory, "testing.proto");

    public static Task EnsureInstalledAsync() => NodeScripts.EnsureInstalledAsync(Directory);

    /// <summary>Runs a node script to its end and returns its output; a non-zero exit fails the test.</summary>
    public static async Task<string> RunScriptAsync(string script, params string[] arguments)
    {
        var (exitCode, output) = await NodeScripts.RunScriptAsync(Directory, script, arguments);
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}:\n{output}");
        return output;
    }

    /// <summary>Starts a long-running node script; it ends when the returned process's stdin closes.</summary>
    public static Process StartScript(string script, params string[] arguments) => NodeScripts.StartScript(Directory, script, arguments);
}
