using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

public sealed class AnswerForm
{
    public string? Answer { get; set; }
    public string? Reason { get; set; }
    public string? PlannedAction { get; set; }
    public string? Deadline { get; set; }
}

public sealed class ImplementationForm
{
    public string? Status { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>One recommendation: where it came from, the administration's answer, implementation, timeline; officials answer and track it here.</summary>
public sealed class RecommendationModel(GlasDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<MonitoringText> t, MonitoringEditor editor)
    : MonitoringSubjectPage(db, authorization, time, t)
{
    public Recommendation Item { get; private set; } = null!;
    public List<RecommendationEvent> Timeline { get; private set; } = [];
    public MonitoringReport? Report { get; private set; }
    public Policy? Policy { get; private set; }
    public DateOnly Today => editor.Today;

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    [BindProperty]
    public ImplementationForm Implementation { get; set; } = new();

    public IEnumerable<SelectListItem> AnswerItems => new[] { AnswerStatus.Accepted, AnswerStatus.PartiallyAccepted, AnswerStatus.NotAccepted }
        .Select(a => new SelectListItem(T["Answer." + a], a.ToString()));

    public IEnumerable<SelectListItem> ImplementationItems => Enum.GetValues<ImplementationStatus>()
        .Where(s => RecommendationRules.CanMove(Item.Answer, Item.Implementation, s)).Select(s => new SelectListItem(T["Stage." + s], s.ToString()));

    protected override string CommentKind => RecommendationComments.SubjectKind;

    protected override async Task<Guid?> TenantOfAsync(Guid id, CancellationToken ct) =>
        await Db.Recommendations.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.TenantId).FirstOrDefaultAsync(ct);

    protected override async Task<bool> LoadSubjectAsync(Guid id, CancellationToken ct)
    {
        if (await Db.Recommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r)
        {
            return false;
        }
        Item = r;
        Timeline = await Db.RecommendationEvents.AsNoTracking().Where(e => e.RecommendationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).Take(200).ToListAsync(ct);
        Report = r.ReportId is { } rid ? await Db.MonitoringReports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rid, ct) : null;
        Policy = r.PolicyId is { } pid ? await Db.Policies.AsNoTracking().FirstOrDefaultAsync(x => x.Id == pid, ct) : null;
        return true;
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        if (!await FindSubjectAsync(id) || await Db.Recommendations.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r)
        {
            return NotFound();
        }
        if (!await IsOfficialAsync())
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        ModelState.Clear();
        var bad = false;
        var deadline = FormReading.Date(Answer.Deadline, ref bad);
        var input = new AnswerInput(FormReading.Enum<AnswerStatus>(Answer.Answer) ?? AnswerStatus.Pending, Answer.Reason, Answer.PlannedAction, deadline);
        var errors = editor.CheckAnswer(r, input);
        if (bad)
        {
            errors.RemoveAll(e => e.Field == "Deadline");
            errors.Add(new("Deadline", "Error.Date"));
        }
        ModelState.AddErrors("Answer", errors, T);
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(StatusCodes.Status422UnprocessableEntity);
        }
        editor.Answer(r, input, await editor.ActorAsync(User, ct));
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Answer.Saved"].Value;
        return Back();
    }

    public async Task<IActionResult> OnPostImplementationAsync(Guid id, CancellationToken ct)
    {
        if (!await FindSubjectAsync(id) || await Db.Recommendations.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r)
        {
            return NotFound();
        }
        if (!await IsOfficialAsync())
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        ModelState.Clear();
        var input = new ImplementationInput(FormReading.Enum<ImplementationStatus>(Implementation.Status) ?? (ImplementationStatus)(-1), Implementation.Evidence);
        ModelState.AddErrors("Implementation", editor.CheckImplementation(r, input), T);
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(StatusCodes.Status422UnprocessableEntity);
        }
        editor.Implement(r, input, await editor.ActorAsync(User, ct));
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Implementation.Saved"].Value;
        return Back();
    }
}
