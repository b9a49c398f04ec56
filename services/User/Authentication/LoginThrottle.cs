using System.Security.Cryptography;
using System.Text;

using KtEvents.Caching;

namespace KtEvents.User.Authentication;

/// <summary>
/// Counts failed sign-ins per phone number in Redis (shared by all replicas): after
/// <see cref="MaxFailures"/> failures within <see cref="Window"/> of the first one, sign-in for that
/// phone is refused until the window ends, even with the right password. A success clears the count.
/// The key holds a hash of the phone, not the number itself.
/// </summary>
public sealed class LoginThrottle(IConnectionMultiplexer redis)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // INCR and the expiry of the window's first failure in one step, so a crash between them cannot
    // leave a counter that never expires.
    private const string RecordFailureScript =
        "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    public static string KeyFor(string phone) =>
        "kt:user:login-failures:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phone)))[..32];

    public async Task<bool> IsLockedAsync(string phone)
    {
        var failures = await redis.GetDatabase().StringGetAsync(KeyFor(phone));
        return failures.HasValue && (long)failures >= MaxFailures;
    }

    public Task RecordFailureAsync(string phone) =>
        redis.GetDatabase().ScriptEvaluateAsync(RecordFailureScript, [KeyFor(phone)], [(long)Window.TotalMilliseconds]);

    public Task ResetAsync(string phone) => redis.GetDatabase().KeyDeleteAsync(KeyFor(phone));
}
