namespace KtEvents.Testing.Servers;

/// <summary>
/// Where throwaway servers keep their data: <c>/tmp/ktevents-test/&lt;test pid&gt;-&lt;id&gt;/&lt;server&gt;</c>.
/// Folders left by a test process that no longer runs are swept on first use; the per-server
/// watchdog normally removes them already.
/// </summary>
internal static class ScratchDirectory
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "ktevents-test");
    private static int swept;

    public static string Create(string serverName)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The test fixture runs Debian's server binaries: it needs Linux.");
        }
        SweepStale();
        var path = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24], serverName);
        Directory.CreateDirectory(path);
        // The service user (postgres, rabbitmq) must traverse the parents and own its folder.
        foreach (var dir in new[] { Root, Path.GetDirectoryName(path)! })
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            var parent = Path.GetDirectoryName(path)!;
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
            // A server that is still flushing can hold a file for a moment; the sweep takes it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void SweepStale()
    {
        if (Interlocked.Exchange(ref swept, 1) == 1 || !Directory.Exists(Root))
        {
            return;
        }
        foreach (var dir in Directory.GetDirectories(Root))
        {
            var name = Path.GetFileName(dir);
            var dash = name.IndexOf('-');
            if (dash > 0 && int.TryParse(name[..dash], out var pid) && !ProcessExists(pid))
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid}");
}
