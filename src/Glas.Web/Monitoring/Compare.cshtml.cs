using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Monitoring;

/// <summary>For an association: its member municipalities' indicators side by side, where they share an indicator code.</summary>
public sealed class CompareModel(GlasDbContext db, TenantContext tenant, MonitoringEditor editor) : PageModel
{
    public Tenant Association { get; private set; } = null!;
    public IReadOnlyList<ComparedCode> Codes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tenant.Tenant is not { Kind: TenantKind.Association } association)
        {
            return NotFound();
        }
        Association = association;
        Codes = await Comparison.BuildAsync(db, association, editor.Today, ct);
        return Page();
    }
}
