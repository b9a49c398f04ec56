using System.Runtime.InteropServices;

namespace KtEvents.Hosting.Processes;

public static partial class NativeMethods
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>kill(2). A negative pid signals the whole process group.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>True while any process of the group is alive (kill with signal 0 probes).</summary>
    public static bool GroupAlive(int processGroupId) => Kill(-processGroupId, 0) == 0;
}
