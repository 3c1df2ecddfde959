using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>Officials add, correct and remove the amounts actually paid; each change goes into the public history.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class PaymentsModel(GlasDbContext db, ProjectEditor editor, IStringLocalizer<ProjectsText> t) : PageModel
{
    public Project Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await ProjectQueries.FullAsync(db, id, tracking: false, ct) is { } p ? Show(p) : NotFound();

    /// <summary>Adds a payment (no paymentId), changes one, or removes one (remove=true).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, Guid? paymentId, string? amount, string? paidOn, string? note, bool remove, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(db, id, tracking: true, ct) is not { } project)
        {
            return NotFound();
        }
        var key = paymentId is { } pid ? pid.ToString("N") : "new";
        (posted[$"amount-{key}"], posted[$"paidOn-{key}"], posted[$"note-{key}"]) = (amount, paidOn, note);
        decimal? value = null;
        DateOnly? date = null;
        if (!remove)
        {
            if (!MoneyInput.TryParse(amount, out value) || value is null)
            {
                ModelState.AddModelError($"amount-{key}", t["Error.Amount"]);
            }
            if (!string.IsNullOrWhiteSpace(paidOn))
            {
                if (DateOnly.TryParseExact(paidOn.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    date = d;
                }
                else
                {
                    ModelState.AddModelError($"paidOn-{key}", t["Error.DateFormat"]);
                }
            }
        }
        if (ModelState.IsValid)
        {
            var errors = editor.ChangePayment(project, paymentId, remove ? null : value, date, note, await db.ActorAsync(User, ct));
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field switch { "Note" => $"note-{key}", "PaidOn" => $"paidOn-{key}", _ => $"amount-{key}" }, e.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Show(project);
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Payments.Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}/payments");
    }

    private PageResult Show(Project p)
    {
        Project = p;
        return Page();
    }

    public string? Error(string field) => ModelState.TryGetValue(field, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    private readonly Dictionary<string, string?> posted = [];

    /// <summary>What was typed into the form that failed, so nothing has to be typed again.</summary>
    public string? Attempted(string field, string? fallback) => posted.TryGetValue(field, out var v) ? v : fallback;
}

public sealed record PaymentFields(string Key, string? Amount, string? PaidOn, string? Note, string? AmountError, string? DateError, string? NoteError);
