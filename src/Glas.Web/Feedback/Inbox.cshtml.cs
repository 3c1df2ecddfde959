using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>The officials' inbox: filters, sorted by deadline, days left and overdue flags, bulk assignment.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class InboxModel(GlasDbContext db, FeedbackDesk desk, TimeProvider time, IStringLocalizer<FeedbackText> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    [BindProperty] public List<Guid> Selected { get; set; } = [];
    [BindProperty] public string? BulkDepartment { get; set; }

    public bool FilterInvalid { get; private set; }
    public List<ReportRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, FeedbackQueries.PageSize, 0);
    public List<FeedbackCategory> Categories { get; private set; } = [];
    public List<string> Departments { get; private set; } = [];
    public Dictionary<Guid, string> Staff { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var ids = Selected.Distinct().Take(FeedbackQueries.PageSize * 4).ToList();
        if (ids.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), t["Error.Selected"]);
        }
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Department", BulkDepartment, 200, required: true);
        ModelState.Add(errors, t, "Bulk");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var reports = await db.FeedbackReports.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var done = 0;
        foreach (var report in reports)
        {
            if (await desk.AssignAsync(report, BulkDepartment, null, me, ct) is null)
            {
                done++;
            }
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Inbox.Assigned"], done);
        return Redirect($"{Request.PathBase}/feedback/inbox");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Categories = await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        Departments = await FeedbackQueries.DepartmentsAsync(db, ct);
        Departments = Departments.Union(Categories.Where(c => c.Department != null).Select(c => c.Department!)).Distinct().Order(StringComparer.Ordinal).ToList();
        Staff = await db.Memberships.AsNoTracking().Where(m => m.Role != TenantRole.Participant).Select(m => new { m.UserId, m.User!.DisplayName })
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, ct);
        FeedbackStatus? status = null;
        FeedbackKind? kind = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<FeedbackStatus>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _)) { status = s; } else { FilterInvalid = true; }
        }
        if (!string.IsNullOrEmpty(Kind))
        {
            if (Enum.TryParse<FeedbackKind>(Kind, out var k) && Enum.IsDefined(k) && !int.TryParse(Kind, out _)) { kind = k; } else { FilterInvalid = true; }
        }
        if ((!string.IsNullOrEmpty(Category) && !Categories.Any(c => c.Code == Category)) || (Sort is not null && !InboxFilter.Sorts.Contains(Sort)))
        {
            FilterInvalid = true;
        }
        if (FilterInvalid)
        {
            return;
        }
        var filter = new InboxFilter(status, Category, kind, string.IsNullOrWhiteSpace(Department) ? null : Department, Assignee, Overdue, false, Sort ?? "deadline");
        var query = string.Join('&', new (string, string?)[] { ("status", Status), ("category", Category), ("kind", Kind), ("department", Department),
                ("assignee", Assignee?.ToString()), ("overdue", Overdue ? "true" : null), ("sort", Sort) }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2!)));
        (Rows, Pager) = await FeedbackQueries.InboxPageAsync(db, filter, User.UserId(), Now, PageNumber, query, ct);
    }
}
