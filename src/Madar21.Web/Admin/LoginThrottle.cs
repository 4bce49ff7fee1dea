using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Madar21.Web.Admin;

/// <summary>
/// Failed sign-ins for addresses that have no account. Identity locks real accounts after five failures; if
/// unknown addresses were never "locked", a sixth attempt would tell whether an account exists. So they are
/// counted here, in memory, by the same rule: five failures, then fifteen minutes of refusal.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    // Bounds the memory an attacker trying random addresses can take.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, Attempts> _unknown = new(StringComparer.Ordinal);

    public bool IsLocked(string email)
    {
        if (!_unknown.TryGetValue(Key(email), out var attempts)) return false;
        lock (attempts) return attempts.LockedUntil > clock.GetUtcNow();
    }

    /// <summary>Counts a failure; true when the address is locked from now on.</summary>
    public bool RecordFailure(string email)
    {
        var now = clock.GetUtcNow();
        if (_unknown.Count >= MaxRemembered) Forget(now);
        var attempts = _unknown.GetOrAdd(Key(email), _ => new Attempts());
        lock (attempts)
        {
            attempts.LastSeen = now;
            if (attempts.LockedUntil is { } until && until <= now)
                attempts.LockedUntil = null;
            if (++attempts.Failures < MaxFailedAttempts) return false;
            attempts.Failures = 0;
            attempts.LockedUntil = now + LockoutDuration;
            return true;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, attempts) in _unknown)
            if (attempts.LastSeen < now - LockoutDuration) _unknown.TryRemove(key, out _);
        if (_unknown.Count >= MaxRemembered) _unknown.Clear();
    }

    // Only a hash of the address is kept, so the memory holds no list of what people typed.
    private static string Key(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    private sealed class Attempts
    {
        public int Failures;
        public DateTimeOffset? LockedUntil;
        public DateTimeOffset LastSeen;
    }
}
