using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

public sealed class FeedbackInput
{
    public string? Kind { get; set; } = nameof(FeedbackKind.Signal);
    public string? Category { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public bool IsPublic { get; set; } = true;
}

/// <summary>A signal or a proposal from a signed-in (so identified, АПК чл. 111, ал. 4) person.</summary>
[Authorize]
[RequestSizeLimit(FeedbackPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FeedbackPhotos.MaxRequestBytes)]
public sealed class NewModel(GlasDbContext db, FeedbackDesk desk, ParticipationLimiter limiter, Participation.Rules.RulesGate rules, IStringLocalizer<FeedbackText> t) : PageModel
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    /// <summary>Up to five photos (checked by content, cleaned of camera data before storage).</summary>
    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public List<SelectListItem> Categories { get; private set; } = [];
    public List<SelectListItem> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (User.UserId() is not { } me || await db.Users.AsNoTracking().Where(u => u.Id == me && u.EmailConfirmed).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct) is not { } user)
        {
            return Forbid();
        }
        if (limiter.TryAcquire(HttpContext) is { } wait)
        {
            var seconds = ParticipationLimiter.Seconds(wait);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", string.Format(CultureInfo.CurrentCulture, t["Error.TooFast"], seconds));
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }
        if (await rules.RefusalAsync(me, ct) is { } acceptRules)
        {
            ModelState.AddModelError("", acceptRules);
            return Page();
        }
        var i = Input;
        var submission = new FeedbackSubmission(i.Kind, i.Category, i.Title, i.Description, i.Address, i.Latitude, i.Longitude, i.IsPublic);
        var (photos, photoErrors) = await FeedbackPhotos.CheckAsync(Photos, ct);
        if (photoErrors.Count > 0)
        {
            // Every problem at once: the form's fields and the photos.
            ModelState.Add(await desk.CheckAsync(submission, addressRequired: true, ct), t, "Input.");
            ModelState.Add(photoErrors, t);
            return Page();
        }
        var (report, errors) = await desk.SubmitAsync(submission, new FeedbackSender(me, user.DisplayName, user.Email), "web", addressRequired: true, ct, photos);
        if (report is null)
        {
            ModelState.Add(errors, t, "Input.");
            return Page();
        }
        TempData["Status"] = string.Format(CultureInfo.CurrentCulture, t["New.Registered"], report.Number);
        return Redirect($"{Request.PathBase}/feedback/{report.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var english = Platform.Localization.Cultures.IsEnglish;
        Categories = [new SelectListItem(t["Field.Category.Choose"], ""), .. (await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct))
            .Select(c => new SelectListItem(c.Name(english), c.Code))];
        Kinds = Enum.GetValues<FeedbackKind>().Select(k => new SelectListItem(t["Kind." + k + ".Long"], k.ToString())).ToList();
    }
}
