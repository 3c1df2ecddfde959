using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Auditing;

/// <summary>Questions asked of the audit log.</summary>
public static class AuditQueries
{
    /// <summary>
    /// The subjects „{kind}:{id}“ of the current administration that the person changed since
    /// <paramref name="since"/>, the most recently changed first, at most <paramref name="max"/>, with the time of their last change.
    /// </summary>
    public static async Task<List<(Guid Id, DateTimeOffset At)>> RecentSubjectsAsync(GlasDbContext db, Guid userId, string kind, DateTimeOffset since, int max, CancellationToken ct)
    {
        var prefix = kind + ":";
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorUserId == userId && a.At >= since && a.Subject.StartsWith(prefix))
            .GroupBy(a => a.Subject).Select(g => new { Subject = g.Key, At = g.Max(a => a.At) })
            .OrderByDescending(x => x.At).ThenBy(x => x.Subject).Take(max)
            .ToListAsync(ct);
        return rows.Select(r => (Ok: Guid.TryParse(r.Subject.AsSpan(prefix.Length), out var id), Id: id, r.At)).Where(r => r.Ok).Select(r => (r.Id, r.At)).ToList();
    }
}
