using System.Diagnostics;

namespace KtEvents.Hosting.Processes;

/// <summary>Short commands run to completion (initdb, chown), and the run-as-user prefix they share with servers.</summary>
public static class Commands
{
    /// <summary>
    /// The argv prefix that runs a command as <paramref name="user"/> when the caller runs as root.
    /// <c>setpriv</c> execs in place, so the started process is the command itself.
    /// </summary>
    public static IEnumerable<string> AsUser(string? user) =>
        user is not null && NativeMethods.IsRoot ? ["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--"] : [];

    public static async Task RunAsync(string fileName, IEnumerable<string> args, string? runAsUser = null, CancellationToken cancellationToken = default)
    {
        var argv = AsUser(runAsUser).Append(fileName).Concat(args).ToList();
        var info = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InfrastructureUnavailableException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InfrastructureUnavailableException(
                $"'{Path.GetFileName(fileName)} {string.Join(' ', args)}' failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    /// <summary>Gives a folder to the service user that will run in it (only possible, and only needed, as root).</summary>
    public static Task GiveToAsync(string path, string user, CancellationToken cancellationToken = default) =>
        NativeMethods.IsRoot ? RunAsync("chown", ["-R", $"{user}:{user}", path], cancellationToken: cancellationToken) : Task.CompletedTask;

    /// <summary>Makes a file of secrets readable by its owner only (a no-op where Unix modes don't exist).</summary>
    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
