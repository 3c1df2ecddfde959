using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>An official adds a policy document of the administration.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewPolicyModel(GlasDbContext db, MonitoringEditor editor, IStringLocalizer<MonitoringText> t) : PageModel
{
    [BindProperty]
    public PolicyForm Policy { get; set; } = new();

    public IEnumerable<SelectListItem> KindItems => System.Enum.GetValues<PolicyKind>().Select(k => new SelectListItem(t["PolicyKind." + k], k.ToString()));

    public void OnGet() => Policy = new PolicyForm { Kind = nameof(PolicyKind.Programme) };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bad = false;
        var start = FormReading.Whole(Policy.StartYear, ref bad);
        var end = FormReading.Whole(Policy.EndYear, ref bad);
        var input = new PolicyInput(Policy.Title, FormReading.Enum<PolicyKind>(Policy.Kind) ?? (PolicyKind)(-1), Policy.Area, Policy.ResponsibleUnit, start, end, Policy.Summary);
        ModelState.Clear();
        ModelState.AddErrors("Policy", MonitoringEditor.Check(input), t);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var policy = editor.CreatePolicy(input, await editor.ActorAsync(User, ct));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Saved"].Value;
        return Redirect($"{Request.PathBase}/monitoring/policies/{policy.Id}/manage");
    }
}
