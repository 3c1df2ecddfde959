using System.Collections.Concurrent;
using Glas.Web.Platform.Identity;
using Microsoft.Extensions.Options;

namespace Glas.Web.Platform.Security;

/// <summary>
/// How often one account, and one client address, may write as a participant (comment, reply,
/// support, report, rate, follow): fixed one-minute windows on the app's clock. Pages ask it
/// inside the handler rather than through the rate-limiting middleware, so a refused form is
/// shown again with its text and a message instead of a bare 429.
/// </summary>
public sealed class ParticipationLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Counter> counters = new();

    private sealed class Counter
    {
        public DateTimeOffset Start;
        public int Count;
    }

    /// <summary>Counts one write; null when it may go ahead, else how long until the window ends.</summary>
    public TimeSpan? TryAcquire(HttpContext context)
    {
        var now = time.GetUtcNow();
        var keys = new List<(string Key, int Limit)>();
        if (context.User.UserId() is { } user)
        {
            keys.Add(("u:" + user, options.Value.ParticipationPerMinute));
        }
        keys.Add(("a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.Value.ParticipationPerAddressPerMinute));
        if (counters.Count > 100_000)
        {
            foreach (var (key, stale) in counters.Where(c => now - c.Value.Start >= Window))
            {
                counters.TryRemove(new KeyValuePair<string, Counter>(key, stale));
            }
        }
        TimeSpan? wait = null;
        foreach (var (key, limit) in keys)
        {
            var counter = counters.GetOrAdd(key, _ => new Counter { Start = now });
            lock (counter)
            {
                if (now - counter.Start >= Window || now < counter.Start)
                {
                    counter.Start = now;
                    counter.Count = 0;
                }
                if (counter.Count >= limit)
                {
                    var left = counter.Start + Window - now;
                    wait = wait is { } w && w > left ? w : left;
                }
                else
                {
                    counter.Count++;
                }
            }
        }
        return wait;
    }

    /// <summary>Whole seconds to wait, at least one, for a Retry-After header and the message.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
