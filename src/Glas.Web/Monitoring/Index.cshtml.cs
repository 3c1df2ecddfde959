using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>The administration's policies, with what is overdue in answering and implementing recommendations.</summary>
public sealed class IndexModel(GlasDbContext db, MonitoringEditor editor, IAuthorizationService authorization, TenantContext tenant) : PageModel
{
    public List<Policy> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, MonitoringQueries.PageSize, 0);
    public int AnswersOverdue { get; private set; }
    public int ImplementationOverdue { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>An association's members' indicators can be compared.</summary>
    public bool IsAssociation => tenant.Tenant?.Kind == TenantKind.Association;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pager = new Pager(PageNumber, MonitoringQueries.PageSize, await db.Policies.CountAsync(ct));
        Items = await db.Policies.AsNoTracking().OrderBy(p => p.Title).ThenBy(p => p.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
        var today = editor.Today;
        AnswersOverdue = await db.Recommendations.CountAsync(r => r.Answer == AnswerStatus.Pending && r.AnswerDue < today, ct);
        ImplementationOverdue = await db.Recommendations.CountAsync(r =>
            (r.Implementation == ImplementationStatus.Planned || r.Implementation == ImplementationStatus.InProgress) && r.Deadline < today, ct);
        CanEdit = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Glas.Web.Platform.Identity.Policies.Official)).Succeeded;
    }
}
