using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

public sealed class ReportFormFields
{
    public string? Title { get; set; }
    public Guid? PolicyId { get; set; }
    public string? Summary { get; set; }
    public string? Findings { get; set; }
    public string? Recommendations { get; set; }
}

/// <summary>An organisation publishes a monitoring report (with its recommendations, one per line) or edits its own.</summary>
[Authorize]
public sealed class ReportFormModel(GlasDbContext db, MonitoringEditor editor, IStringLocalizer<MonitoringText> t) : PageModel
{
    [BindProperty]
    public ReportFormFields Report { get; set; } = new();

    /// <summary>Null for a new report.</summary>
    public Guid? ReportId { get; private set; }

    public bool IsOrganisation { get; private set; }
    public string? OrganisationName { get; private set; }
    public List<SelectListItem> PolicyItems { get; private set; } = [];

    private async Task<GlasUser?> LoadAsync(CancellationToken ct)
    {
        var id = User.UserId();
        var user = id is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        IsOrganisation = user is { Kind: AccountKind.Organisation } && !string.IsNullOrWhiteSpace(user.OrganisationName ?? user.DisplayName);
        OrganisationName = user?.OrganisationName ?? user?.DisplayName;
        PolicyItems = [new(t["Report.NoPolicy"], ""), .. (await db.Policies.AsNoTracking().OrderBy(p => p.Title).Take(200).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => new SelectListItem(p.Title, p.Id.ToString()))];
        return user;
    }

    /// <summary>The report being edited, when the viewer wrote it: null and the result to return otherwise.</summary>
    private async Task<(MonitoringReport? Report, IActionResult? Refusal)> OwnAsync(Guid id, CancellationToken ct)
    {
        var report = await db.MonitoringReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return (null, NotFound());
        }
        return report.AuthorUserId is { } author && author == User.UserId() ? (report, null) : (null, Forbid());
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (id is { } rid)
        {
            var (report, refusal) = await OwnAsync(rid, ct);
            if (refusal is not null)
            {
                return refusal;
            }
            ReportId = rid;
            Report = new ReportFormFields { Title = report!.Title, PolicyId = report.PolicyId, Summary = report.Summary, Findings = report.Findings };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        MonitoringReport? existing = null;
        if (id is { } rid)
        {
            (existing, var refusal) = await OwnAsync(rid, ct);
            if (refusal is not null)
            {
                return refusal;
            }
            ReportId = rid;
        }
        else if (!IsOrganisation)
        {
            ModelState.AddModelError("", t["Error.NotOrganisation"]);
            var refused = Page();
            refused.StatusCode = StatusCodes.Status403Forbidden;
            return refused;
        }
        ModelState.Clear();
        var input = new ReportInput(Report.Title, Report.PolicyId, Report.Summary, Report.Findings, existing is null ? Report.Recommendations : null);
        ModelState.AddErrors("Report", MonitoringEditor.Check(input), t);
        var policy = Report.PolicyId is { } pid ? await db.Policies.FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (Report.PolicyId is not null && policy is null)
        {
            ModelState.AddModelError("Report.PolicyId", t["Error.Policy"]);
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        var actor = await editor.ActorAsync(User, ct);
        if (existing is not null)
        {
            editor.UpdateReport(existing, input, actor);
        }
        else
        {
            existing = editor.PublishReport(input, user!.Id, OrganisationName!, policy, actor);
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Report.Saved"].Value;
        return Redirect($"{Request.PathBase}/monitoring/reports/{existing.Id}");
    }
}
