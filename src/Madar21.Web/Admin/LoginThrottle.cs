using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Madar21.Web.Admin;

/// <summary>
/// Failed sign-ins per account name, counted the same way whether or not an account has that name, so that the
/// answers never tell which accounts exist: <see cref="MaxFailedAttempts"/> failures within
/// <see cref="Window"/> refuse the name for <see cref="LockoutDuration"/>, even with the right password.
/// <para>
/// The threshold sits above what one client address can send in a window (<see cref="SignInRateLimit"/>: at most
/// 10 at once, then one a minute, so 25 in 15 minutes): a stranger alone can never lock an account, the Admin's
/// included; it takes many addresses at once. Kept in memory (a restart forgets it), keyed by a hash of the name.
/// </para>
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailedAttempts = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // Bounds the memory an attacker trying random names can take.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, Attempts> _names = new(StringComparer.Ordinal);

    public bool IsLocked(string? name)
    {
        if (name is null || !_names.TryGetValue(Key(name), out var attempts)) return false;
        lock (attempts) return attempts.LockedUntil > clock.GetUtcNow();
    }

    /// <summary>Counts a failure; true when the name is locked from now on.</summary>
    public bool RecordFailure(string? name)
    {
        if (name is null) return false;
        var now = clock.GetUtcNow();
        if (_names.Count >= MaxRemembered) Forget(now);
        var attempts = _names.GetOrAdd(Key(name), _ => new Attempts());
        lock (attempts)
        {
            if (attempts.LockedUntil > now) return true;
            if (now - attempts.WindowStart >= Window)
            {
                attempts.WindowStart = now;
                attempts.Failures = 0;
            }
            attempts.LastSeen = now;
            if (++attempts.Failures < MaxFailedAttempts) return false;
            attempts.Failures = 0;
            attempts.LockedUntil = now + LockoutDuration;
            return true;
        }
    }

    /// <summary>A successful sign-in, or an Admin enabling the account, starts the count again.</summary>
    public void Reset(string? name)
    {
        if (name is not null) _names.TryRemove(Key(name), out _);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, attempts) in _names)
            if (attempts.LastSeen < now - Window - LockoutDuration) _names.TryRemove(key, out _);
        if (_names.Count >= MaxRemembered) _names.Clear();
    }

    // Only a hash of the name is kept, so the memory holds no list of what people typed.
    private static string Key(string name) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToUpperInvariant())));

    private sealed class Attempts
    {
        public int Failures;
        public DateTimeOffset WindowStart;
        public DateTimeOffset? LockedUntil;
        public DateTimeOffset LastSeen;
    }
}
