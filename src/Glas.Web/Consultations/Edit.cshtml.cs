using Glas.Web.Platform.Files;
using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>An official creates or edits a consultation while it is a draft or scheduled.</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(6 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * 1024 * 1024, ValueLengthLimit = 2 * 1024 * 1024)]
public sealed class EditModel(GlasDbContext db, TenantContext tenant, TimeProvider time, IStringLocalizer<ConsultationsText> t, IStringLocalizer<SharedResource> l) : PageModel
{

    public sealed class ContactInput
    {
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? Name { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? Email { get; set; }

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9 +()\-/]*$", ErrorMessage = "Validation.Phone")]
        public string? Phone { get; set; }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        public string? Summary { get; set; }

        public ActType ActType { get; set; } = ActType.Ordinance;

        [Required(ErrorMessage = "Validation.Required")]
        public string? PolicyArea { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? ResponsibleUnit { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? ProposalWays { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public DateOnly? OpensOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public DateOnly? ClosesOn { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        public string? ShortTermReason { get; set; }

        public List<ContactInput> Contacts { get; set; } = [new(), new(), new()];

        public string? DraftText { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public IFormFile? DraftFile { get; set; }

    public Consultation? Existing { get; private set; }
    public IReadOnlyList<SplitUnit>? Preview { get; private set; }

    public IEnumerable<SelectListItem> ActTypes => Enum.GetValues<ActType>().Select(a => new SelectListItem(t["ActType." + a], a.ToString()));
    public IEnumerable<SelectListItem> Areas => new[] { new SelectListItem(l["Form.Choose"], "") }.Concat(PolicyAreas.All.Select(a => new SelectListItem(t["Area." + a], a)));

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is { } existingId)
        {
            var c = await db.Consultations.AsNoTracking().Include(x => x.Contacts).FirstOrDefaultAsync(x => x.Id == existingId);
            if (c is null)
            {
                return NotFound();
            }
            if (!ConsultationLifecycle.IsEditable(c.Status))
            {
                return RedirectToPage("/Consultations/Manage", new { id });
            }
            Existing = c;
            Input = new InputModel
            {
                Title = c.Title,
                Summary = c.Summary,
                ActType = c.ActType,
                PolicyArea = c.PolicyArea,
                ResponsibleUnit = c.ResponsibleUnit,
                ProposalWays = c.ProposalWays,
                OpensOn = c.OpensOn,
                ClosesOn = c.ClosesOn,
                ShortTermReason = c.ShortTermReason,
                DraftText = c.DraftText,
                Contacts = c.Contacts.OrderBy(p => p.Position).Select(p => new ContactInput { Name = p.Name, Email = p.Email, Phone = p.Phone })
                    .Concat(Enumerable.Range(0, 3).Select(_ => new ContactInput())).Take(3).ToList(),
            };
        }
        else
        {
            var today = ConsultationLifecycle.TodayInSofia(time.GetUtcNow());
            Input.OpensOn = today.AddDays(1);
            Input.ClosesOn = today.AddDays(1 + ConsultationPeriod.StandardDays);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid? id)
    {
        if (!await LoadExistingAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        await ImportDocxAsync();
        if (DraftProblem(Input.DraftText) is { } problem)
        {
            ModelState.AddModelError("Input.DraftText", problem);
            return Page();
        }
        Preview = DraftSplitter.Split(Input.DraftText);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id)
    {
        if (!await LoadExistingAsync(id))
        {
            return NotFound();
        }
        if (Existing is { } e && !ConsultationLifecycle.IsEditable(e.Status))
        {
            return RedirectToPage("/Consultations/Manage", new { id });
        }
        await ImportDocxAsync();
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        var actor = User.UserId();
        Consultation consultation;
        if (Existing is null)
        {
            consultation = new Consultation
            {
                Id = Guid.CreateVersion7(now),
                TenantId = tenant.Required.Id,
                RegNumber = await NextRegNumberAsync(now),
                Title = "",
                Summary = "",
                PolicyArea = "",
                ResponsibleUnit = "",
                Status = ConsultationStatus.Draft,
                CreatedAt = now,
                CreatedBy = actor,
            };
            db.Consultations.Add(consultation);
            Timeline.Add(db, consultation.Id, TimelineKind.Created, now);
        }
        else
        {
            consultation = await db.Consultations.Include(c => c.Contacts).Include(c => c.Units).FirstAsync(c => c.Id == Existing.Id);
            if (consultation.Status == ConsultationStatus.Scheduled)
            {
                if (consultation.OpensOn != Input.OpensOn || consultation.ClosesOn != Input.ClosesOn)
                {
                    Timeline.Add(db, consultation.Id, TimelineKind.DatesChanged, now, $"{Platform.Localization.Formats.Date(consultation.OpensOn)} – {Platform.Localization.Formats.Date(consultation.ClosesOn)} → {Platform.Localization.Formats.Date(Input.OpensOn!.Value)} – {Platform.Localization.Formats.Date(Input.ClosesOn!.Value)}");
                }
                if (consultation.DraftText != (Input.DraftText ?? ""))
                {
                    Timeline.Add(db, consultation.Id, TimelineKind.DraftChanged, now);
                }
            }
        }

        consultation.Title = Input.Title!.Trim();
        consultation.Summary = Input.Summary!.Trim();
        consultation.ActType = Input.ActType;
        consultation.PolicyArea = Input.PolicyArea!;
        consultation.ResponsibleUnit = Input.ResponsibleUnit!.Trim();
        consultation.ProposalWays = Blank(Input.ProposalWays);
        consultation.SetPeriod(Input.OpensOn!.Value, Input.ClosesOn!.Value);
        consultation.ShortTermReason = ConsultationPeriod.IsShortTerm(consultation.OpensOn, consultation.ClosesOn) ? Blank(Input.ShortTermReason) : null;
        consultation.UpdatedAt = now;

        db.ConsultationContacts.RemoveRange(consultation.Contacts);
        consultation.Contacts = Input.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select((c, i) => new ContactPerson
        {
            Id = Guid.CreateVersion7(now),
            Position = i,
            Name = c.Name!.Trim(),
            Email = c.Email!.Trim(),
            Phone = Blank(c.Phone),
        }).ToList();

        var text = Input.DraftText ?? "";
        if (consultation.DraftText != text || consultation.Units.Count == 0)
        {
            db.DraftUnits.RemoveRange(consultation.Units);
            consultation.DraftText = text;
            consultation.Units = DraftSplitter.Split(text).Select(u => new DraftUnit
            {
                Id = Guid.CreateVersion7(now),
                Number = u.Number,
                Kind = u.Kind,
                Label = u.Label,
                Path = u.Path,
                Text = u.Text,
                Depth = u.Depth,
            }).ToList();
        }

        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = consultation.TenantId,
            ActorUserId = actor,
            Action = Existing is null ? "consultation.created" : "consultation.edited",
            Subject = $"consultation:{consultation.Id}",
            Details = consultation.Title,
            At = now,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = t["Edit.Saved"].Value;
        return RedirectToPage("/Consultations/Manage", new { id = consultation.Id });
    }

    private async Task<bool> LoadExistingAsync(Guid? id)
    {
        // The form always shows three contact rows; binding brings back only the ones posted.
        while (Input.Contacts.Count < 3)
        {
            Input.Contacts.Add(new ContactInput());
        }
        if (Input.Contacts.Count > 3)
        {
            Input.Contacts = Input.Contacts.Take(3).ToList();
        }
        if (id is null)
        {
            return true;
        }
        Existing = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        return Existing is not null;
    }

    private async Task ImportDocxAsync()
    {
        if (DraftFile is null || DraftFile.Length == 0)
        {
            return;
        }
        using var stream = new MemoryStream();
        await DraftFile.CopyToAsync(stream, HttpContext.RequestAborted);
        var inspection = await UploadCheck.InspectAsync(stream, HttpContext.RequestAborted);
        if (inspection.Problem is UploadProblem.Macros or UploadProblem.Expands)
        {
            ModelState.AddModelError(nameof(DraftFile), ConsultationFiles.UploadRefusal(inspection.Problem, t));
            return;
        }
        var text = inspection.Kind == UploadKind.Docx ? DocxText.Extract(stream) : null;
        if (text is null)
        {
            ModelState.AddModelError(nameof(DraftFile), t["Edit.DocxInvalid"]);
            return;
        }
        // A file whose text is over the limits is refused whole; what was in the form stays.
        if (DraftProblem(text) is { } problem)
        {
            ModelState.AddModelError(nameof(DraftFile), problem);
            return;
        }
        Input.DraftText = text;
        ModelState.Remove("Input.DraftText");
    }

    /// <summary>Why a draft's text cannot be split and stored, or null.</summary>
    private string? DraftProblem(string? text) => DraftSplitter.Check(text) switch
    {
        DraftSplitter.Problem.TooLong => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Edit.DraftTooLong"], DraftSplitter.MaxLength),
        DraftSplitter.Problem.TooManyUnits => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Edit.DraftTooManyUnits"], DraftSplitter.MaxUnits),
        _ => null,
    };

    private void Validate()
    {
        if (!Enum.IsDefined(Input.ActType))
        {
            ModelState.AddModelError("Input.ActType", l["Validation.Invalid"]);
        }
        if (Input.PolicyArea is not null && !PolicyAreas.IsKnown(Input.PolicyArea))
        {
            ModelState.AddModelError("Input.PolicyArea", l["Validation.Invalid"]);
        }
        if (Input.OpensOn is { } opens && Input.ClosesOn is { } closes)
        {
            var today = ConsultationLifecycle.TodayInSofia(time.GetUtcNow());
            // An already scheduled consultation keeps its opening date even once it is today.
            var effectiveToday = Existing is { Status: ConsultationStatus.Scheduled } && Existing.OpensOn == opens ? opens : today;
            var problem = ConsultationPeriod.Check(opens, closes, Input.ShortTermReason, effectiveToday);
            switch (problem)
            {
                case ConsultationPeriod.Problem.OpensInPast:
                    ModelState.AddModelError("Input.OpensOn", t["Period.OpensInPast"]);
                    break;
                case ConsultationPeriod.Problem.ClosesBeforeOpening:
                    ModelState.AddModelError("Input.ClosesOn", t["Period.ClosesBeforeOpening"]);
                    break;
                case ConsultationPeriod.Problem.OpensTooFarAhead:
                    ModelState.AddModelError("Input.OpensOn", t["Period.OpensTooFarAhead"]);
                    break;
                case ConsultationPeriod.Problem.TooLong:
                    ModelState.AddModelError("Input.ClosesOn", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Period.TooLong"], ConsultationPeriod.Days(opens, closes)));
                    break;
                case ConsultationPeriod.Problem.TooShort:
                    ModelState.AddModelError("Input.ClosesOn", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Period.TooShort"], ConsultationPeriod.Days(opens, closes)));
                    break;
                case ConsultationPeriod.Problem.ShortTermNeedsReason:
                    ModelState.AddModelError("Input.ShortTermReason", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Period.NeedsReason"], ConsultationPeriod.Days(opens, closes)));
                    break;
            }
        }
        var contacts = Input.Contacts.Take(3).ToList();
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            var any = !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Phone);
            if (any && string.IsNullOrWhiteSpace(c.Name))
            {
                ModelState.AddModelError($"Input.Contacts[{i}].Name", l["Validation.Required"]);
            }
            if (any && string.IsNullOrWhiteSpace(c.Email))
            {
                ModelState.AddModelError($"Input.Contacts[{i}].Email", l["Validation.Required"]);
            }
        }
        if (!contacts.Any(c => !string.IsNullOrWhiteSpace(c.Name)))
        {
            ModelState.AddModelError("Input.Contacts[0].Name", t["Edit.ContactNeeded"]);
        }
        if (DraftProblem(Input.DraftText) is { } draftProblem)
        {
            ModelState.AddModelError("Input.DraftText", draftProblem);
        }
    }

    private async Task<string> NextRegNumberAsync(DateTimeOffset now)
    {
        var prefix = ConsultationLifecycle.RegNumberYearPrefix(now);
        var taken = await db.Consultations.Where(c => c.RegNumber.StartsWith(prefix)).Select(c => c.RegNumber).ToListAsync();
        return ConsultationLifecycle.NextRegNumber(now, taken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
