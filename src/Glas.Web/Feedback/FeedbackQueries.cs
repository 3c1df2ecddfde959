using System.Security.Claims;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>One row of a list of reports: what the public may know (no sender).</summary>
public sealed record ReportRow(Guid Id, string Number, FeedbackKind Kind, string Title, string CategoryBg, string CategoryEn, string Address,
    FeedbackStatus Status, DateTimeOffset CreatedAt, DateTimeOffset DueAt, double? Latitude, double? Longitude, string? Department, Guid? AssigneeUserId, bool IsPublic);

/// <summary>The officials' inbox filter; every value is optional.</summary>
public sealed record InboxFilter(FeedbackStatus? Status, string? Category, FeedbackKind? Kind, string? Department, Guid? Assignee, bool Overdue, bool Mine, string Sort)
{
    public static readonly string[] Sorts = ["deadline", "newest", "oldest"];
}

public static class FeedbackQueries
{
    public const int PageSize = 25;

    private static IQueryable<ReportRow> Rows(IQueryable<FeedbackReport> reports) =>
        reports.Select(r => new ReportRow(r.Id, r.Number, r.Kind, r.Title, r.Category!.NameBg, r.Category.NameEn, r.Address, r.Status, r.CreatedAt, r.DueAt,
            r.Latitude, r.Longitude, r.Department, r.AssigneeUserId, r.IsPublic));

    public static IQueryable<FeedbackReport> Public(GlasDbContext db) => db.FeedbackReports.AsNoTracking().Where(r => r.IsPublic);

    public static async Task<(List<ReportRow> Rows, Pager Pager)> PublicPageAsync(GlasDbContext db, FeedbackStatus? status, string? category, int? page, string query, CancellationToken ct)
    {
        var q = Public(db);
        if (status is { } s)
        {
            q = q.Where(r => r.Status == s);
        }
        if (!string.IsNullOrEmpty(category))
        {
            q = q.Where(r => r.Category!.Code == category);
        }
        var pager = new Pager(page, PageSize, await q.CountAsync(ct), query);
        var rows = await Rows(q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(pager.Skip).Take(PageSize)).ToListAsync(ct);
        return (rows, pager);
    }

    /// <summary>
    /// The departments this administration's reports are assigned to (at most 200), read by skipping
    /// through the (tenant, department) index — one probe per department — rather than by reading
    /// every report, which at 100,000 reports cost the inbox most of its time.
    /// </summary>
    public static async Task<List<string>> DepartmentsAsync(GlasDbContext db, CancellationToken ct)
    {
        if (db.CurrentTenantId is not { } tenant)
        {
            return [];
        }
        return await db.Database.SqlQuery<string>($"""
            WITH RECURSIVE d("Value") AS (
                (SELECT "Department" FROM "FeedbackReports" WHERE "TenantId" = {tenant} AND "Department" IS NOT NULL ORDER BY "Department" LIMIT 1)
                UNION ALL
                SELECT (SELECT r."Department" FROM "FeedbackReports" r WHERE r."TenantId" = {tenant} AND r."Department" > d."Value" ORDER BY r."Department" LIMIT 1)
                FROM d WHERE d."Value" IS NOT NULL)
            SELECT "Value" FROM d WHERE "Value" IS NOT NULL LIMIT 200
            """).ToListAsync(ct);
    }

    public static IQueryable<FeedbackReport> Inbox(GlasDbContext db, InboxFilter f, Guid? me, DateTimeOffset now)
    {
        var q = db.FeedbackReports.AsNoTracking();
        if (f.Status is { } s)
        {
            q = q.Where(r => r.Status == s);
        }
        if (!string.IsNullOrEmpty(f.Category))
        {
            q = q.Where(r => r.Category!.Code == f.Category);
        }
        if (f.Kind is { } k)
        {
            q = q.Where(r => r.Kind == k);
        }
        if (!string.IsNullOrEmpty(f.Department))
        {
            q = q.Where(r => r.Department == f.Department);
        }
        if (f.Assignee is { } a)
        {
            q = q.Where(r => r.AssigneeUserId == a);
        }
        if (f.Mine && me is { } user)
        {
            q = q.Where(r => r.AssigneeUserId == user);
        }
        if (f.Overdue)
        {
            q = q.Where(r => (r.Status == FeedbackStatus.Received || r.Status == FeedbackStatus.Assigned || r.Status == FeedbackStatus.InProgress) && r.DueAt < now);
        }
        return f.Sort switch
        {
            "newest" => q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id),
            "oldest" => q.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => q.OrderBy(r => r.DueAt).ThenBy(r => r.Id),
        };
    }

    public static async Task<(List<ReportRow> Rows, Pager Pager)> InboxPageAsync(GlasDbContext db, InboxFilter f, Guid? me, DateTimeOffset now, int? page, string query, CancellationToken ct)
    {
        var q = Inbox(db, f, me, now);
        var pager = new Pager(page, PageSize, await q.CountAsync(ct), query);
        return (await Rows(q.Skip(pager.Skip).Take(PageSize)).ToListAsync(ct), pager);
    }

    /// <summary>Whether the viewer may see the report: public ones anyone, private ones only their sender and the administration's staff.</summary>
    public static async Task<bool> CanSeeAsync(FeedbackReport report, ClaimsPrincipal user, TenantRoles roles) =>
        report.IsPublic || (user.UserId() is { } me && me == report.ReporterUserId) || await IsStaffAsync(user, roles);

    public static async Task<bool> IsStaffAsync(ClaimsPrincipal user, TenantRoles roles) =>
        await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official);

    public static async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, string? category, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<FeedbackText>>();
        var q = Public(services.GetRequiredService<GlasDbContext>());
        if (category is not null)
        {
            q = q.Where(r => r.Category!.Code == category);
        }
        var rows = await Rows(q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(max)).ToListAsync(ct);
        return rows.Select(r => new FeedItem("feedback", r.Id, $"{r.Number} {r.Title}",
                string.Join(" · ", t["Status." + r.Status].Value, r.CategoryBg, r.Address), $"/feedback/{r.Id}", r.CreatedAt, r.CreatedAt, r.Status.ToString(), t["Status." + r.Status].Value))
            .ToList();
    }

    public static string Category(ReportRow row) => Cultures.IsEnglish ? row.CategoryEn : row.CategoryBg;
}
