using Glas.Web.Platform.Web;
using System.Linq.Expressions;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

public sealed record ConsultationFilter(ConsultationStatus? Status, ActType? ActType, string? PolicyArea, int? Year, string? Query, int Page);

public sealed record ConsultationRow(Guid Id, string RegNumber, string Title, string Summary, ConsultationStatus Status, ActType ActType, string PolicyArea, DateOnly OpensOn, DateOnly ClosesOn, int Comments);

public sealed record ConsultationPage(IReadOnlyList<ConsultationRow> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<ConsultationStatus, int> CountsByStatus);

/// <summary>The queries the list page, the home page and the API share.</summary>
public static class ConsultationQueries
{
    public const int PageSize = 20;

    /// <summary>The status the clock implies, in SQL, so filters agree with what pages show.</summary>
    public static Expression<Func<Consultation, ConsultationStatus>> Effective(DateTimeOffset now)
    {
        var rule = ConsultationLifecycle.EffectiveRule;
        var c = Expression.Parameter(typeof(Consultation), "c");
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [rule.Parameters[0]] = Expression.Property(c, nameof(Consultation.Status)),
            [rule.Parameters[1]] = Expression.Property(c, nameof(Consultation.OpensAt)),
            [rule.Parameters[2]] = Expression.Property(c, nameof(Consultation.ClosesAt)),
            // Through a field, as a closure would: EF sends it as a parameter and reuses the compiled query.
            [rule.Parameters[3]] = Expression.Field(Expression.Constant(new Now(now)), nameof(Now.Value)),
        }).Visit(rule.Body);
        return Expression.Lambda<Func<Consultation, ConsultationStatus>>(body, c);
    }

    private sealed class Now(DateTimeOffset value)
    {
        public readonly DateTimeOffset Value = value;
    }

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : node;
    }

    /// <summary>Published means visible to the public: everything but drafts.</summary>
    public static IQueryable<Consultation> Published(this GlasDbContext db) => db.Consultations.Where(c => c.Status != ConsultationStatus.Draft);

    public static async Task<ConsultationPage> ListAsync(GlasDbContext db, ConsultationFilter filter, DateTimeOffset now, bool includeDrafts, CancellationToken ct)
    {
        var source = includeDrafts ? db.Consultations : db.Published();
        var query = source.AsNoTracking();
        if (filter.ActType is { } act)
        {
            query = query.Where(c => c.ActType == act);
        }
        if (!string.IsNullOrWhiteSpace(filter.PolicyArea))
        {
            query = query.Where(c => c.PolicyArea == filter.PolicyArea);
        }
        if (filter.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            query = query.Where(c => c.OpensOn >= from && c.OpensOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var term = SearchText.Contains(filter.Query.Trim());
            query = query.Where(c => EF.Functions.ILike(c.Title, term) || EF.Functions.ILike(c.Summary, term) || EF.Functions.ILike(c.RegNumber, term));
        }

        var effective = Effective(now);
        var counts = await query.Select(effective).GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        if (filter.Status is { } status)
        {
            var withStatus = Expression.Lambda<Func<Consultation, bool>>(Expression.Equal(effective.Body, Expression.Constant(status)), effective.Parameters);
            query = query.Where(withStatus);
        }
        var total = filter.Status is { } s2 ? counts.Where(c => c.Key == s2).Sum(c => c.Count) : counts.Sum(c => c.Count);
        var pager = new Pager(filter.Page, PageSize, total);
        var page = pager.Current;
        var items = await query
            .OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.CreatedAt)
            .Skip(pager.Skip).Take(PageSize)
            .Select(c => new ConsultationRow(c.Id, c.RegNumber, c.Title, c.Summary, c.Status, c.ActType, c.PolicyArea, c.OpensOn, c.ClosesOn, 0))
            .ToListAsync(ct);
        var comments = await CommentCountsAsync(db, items.Select(i => i.Id).ToList(), ct);
        var rows = items.Select(i => i with
        {
            Status = ConsultationLifecycle.Effective(i.Status, ConsultationLifecycle.OpensAt(i.OpensOn), ConsultationLifecycle.ClosesAt(i.ClosesOn), now),
            Comments = comments.GetValueOrDefault(i.Id),
        }).ToList();
        return new ConsultationPage(rows, total, page, PageSize, counts.ToDictionary(c => c.Key, c => c.Count));
    }

    /// <summary>Comment counts for one page of consultations, in one indexed query (not one per row, nor for skipped rows).</summary>
    private static async Task<Dictionary<Guid, int>> CommentCountsAsync(GlasDbContext db, List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Comments.Where(c => c.SubjectKind == ConsultationComments.Kind && ids.Contains(c.SubjectId)).GroupBy(c => c.SubjectId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>For the home page: open now, closing within a week, and reports overdue.</summary>
    public static async Task<(List<ConsultationRow> Open, List<ConsultationRow> ClosingSoon, List<ConsultationRow> Overdue)> HomeAsync(GlasDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var soon = now.AddDays(7);
        var overdueBefore = now.AddDays(-30);
        var rows = await db.Published().AsNoTracking()
            .Where(c => ((c.Status == ConsultationStatus.Open || c.Status == ConsultationStatus.Scheduled) && c.OpensAt <= now && c.ClosesAt > now)
                || ((c.Status == ConsultationStatus.Open || c.Status == ConsultationStatus.Closed) && c.ClosesAt <= overdueBefore))
            .OrderBy(c => c.ClosesAt).Take(100)
            .Select(c => new { Row = new ConsultationRow(c.Id, c.RegNumber, c.Title, c.Summary, c.Status, c.ActType, c.PolicyArea, c.OpensOn, c.ClosesOn, 0), c.ClosesAt })
            .ToListAsync(ct);
        var comments = await CommentCountsAsync(db, rows.Select(r => r.Row.Id).ToList(), ct);
        rows = rows.Select(r => new { Row = r.Row with { Comments = comments.GetValueOrDefault(r.Row.Id) }, r.ClosesAt }).ToList();
        var open = rows.Where(r => r.ClosesAt > now).ToList();
        return (
            open.Select(r => r.Row with { Status = ConsultationStatus.Open }).ToList(),
            open.Where(r => r.ClosesAt <= soon).Select(r => r.Row with { Status = ConsultationStatus.Open }).ToList(),
            rows.Where(r => r.ClosesAt <= overdueBefore).Select(r => r.Row with { Status = ConsultationStatus.Closed }).ToList());
    }
}
