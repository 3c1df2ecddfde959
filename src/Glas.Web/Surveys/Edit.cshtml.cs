using System.Globalization;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>A survey's settings as the form posts them.</summary>
public sealed class SurveySettingsInput
{
    public string? Title { get; set; }
    public string? Introduction { get; set; }
    public string? ThankYou { get; set; }
    public SurveyAudience Audience { get; set; }
    public bool AskGroup { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public bool ResultsPublished { get; set; }
    public bool TextPublished { get; set; }
}

/// <summary>One question as the builder's form posts it.</summary>
public sealed class QuestionInput
{
    public int No { get; set; }
    public int Section { get; set; }
    public QuestionType Type { get; set; }
    public string? Text { get; set; }
    public string? Help { get; set; }
    public bool Required { get; set; }
    public string? Options { get; set; }
    public string? Rows { get; set; }
    public bool AllowOther { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string? LowLabel { get; set; }
    public string? HighLabel { get; set; }

    /// <summary>"question:option", e.g. "3:2"; empty for always shown.</summary>
    public string? ShowIf { get; set; }
}

/// <summary>
/// The builder: settings, sections and questions, launching and closing, invitations. Once the
/// survey has responses only optional questions may be added and texts corrected.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class EditModel(GlasDbContext db, SurveyStore store, TenantContext tenant, PublicAddress addresses, EmailOutbox outbox, JobSignal signal, TimeProvider time, IStringLocalizer<SurveysText> t) : PageModel
{
    public const int MaxInvitations = 2000;

    public Survey Survey { get; private set; } = null!;
    public SurveyDefinition Definition { get; private set; } = new();
    public bool HasResponses { get; private set; }
    public int Invited { get; private set; }
    public int InvitationsUsed { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public SurveySettingsInput Settings { get; set; } = new();
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [BindProperty] public string? SectionTitle { get; set; }
    [BindProperty] public string? Emails { get; set; }

    public IEnumerable<SelectListItem> Types => Enum.GetValues<QuestionType>().Select(x => new SelectListItem(t["Type." + x], x.ToString()));

    public IEnumerable<SelectListItem> Audiences => Enum.GetValues<SurveyAudience>().Select(x => new SelectListItem(t["Audience." + x], x.ToString()));

    public IEnumerable<SelectListItem> SectionItems => Definition.Sections.Select((s, i) => new SelectListItem($"{i + 1}. {s.Title}", i.ToString(CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> Conditions => Definition.Questions.Where(q => q.IsChoice)
        .SelectMany(q => q.Options.Select(o => new SelectListItem(t["Builder.ShowIfOption", q.No, Short(q.Text), o.Label], $"{q.No}:{o.Code}")))
        .Prepend(new SelectListItem(t["Builder.Always"], ""));

    private static string Short(string text) => text.Length > 60 ? text[..59] + "…" : text;

    private async Task<bool> LoadAsync(Guid id, bool tracking = false)
    {
        var query = tracking ? db.Surveys : db.Surveys.AsNoTracking();
        var survey = await query.FirstOrDefaultAsync(s => s.Id == id);
        if (survey is null)
        {
            return false;
        }
        Survey = survey;
        Now = time.GetUtcNow();
        Definition = survey.Questionnaire();
        HasResponses = await store.HasResponsesAsync(id, HttpContext.RequestAborted);
        Invited = await db.SurveyInvitations.CountAsync(i => i.SurveyId == id);
        InvitationsUsed = await db.SurveyInvitations.CountAsync(i => i.SurveyId == id && i.Used);
        return true;
    }

    private void FillSettings() => Settings = new SurveySettingsInput
    {
        Title = Survey.Title,
        Introduction = Survey.Introduction,
        ThankYou = Survey.ThankYou,
        Audience = Survey.Audience,
        AskGroup = Survey.AskGroup,
        OpensOn = Survey.OpensAt is { } o ? DateOnly.FromDateTime(Formats.ToSofia(o).DateTime) : null,
        ClosesOn = Survey.ClosesAt is { } c ? DateOnly.FromDateTime(Formats.ToSofia(c).DateTime) : null,
        ResultsPublished = Survey.ResultsPublished,
        TextPublished = Survey.TextPublished,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, int? edit)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        FillSettings();
        if (edit is { } no && Definition.Question(no) is { } q)
        {
            Question = new QuestionInput
            {
                No = q.No,
                Section = Definition.Sections.FindIndex(s => s.Questions.Contains(q)),
                Type = q.Type,
                Text = q.Text,
                Help = q.Help,
                Required = q.Required,
                Options = string.Join('\n', q.Options.Select(o => o.Label)),
                Rows = string.Join('\n', q.Rows.Select(o => o.Label)),
                AllowOther = q.AllowOther,
                Min = q.Min,
                Max = q.Max,
                LowLabel = q.LowLabel,
                HighLabel = q.HighLabel,
                ShowIf = q.ShowIf is { } c ? $"{c.QuestionNo}:{c.OptionCode}" : "",
            };
        }
        else
        {
            Question.Section = Math.Max(0, Definition.Sections.Count - 1);
        }
        return Page();
    }

    private string Message(AnswerError e) => t[e.Key, e.Args.Select(a => a is decimal d ? d.ToString("G29", CultureInfo.CurrentCulture) : a).ToArray()].Value;

    private async Task<IActionResult> InvalidAsync(Guid id, IEnumerable<(string Field, string Message)> errors, bool keepSettings = false)
    {
        var settings = Settings;
        await LoadAsync(id);
        if (keepSettings)
        {
            Settings = settings;
        }
        else
        {
            FillSettings();
        }
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult> SaveDefinitionAsync(Guid id, SurveyDefinition changed, string action, string? details)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id);
        if (survey is null)
        {
            return NotFound();
        }
        var before = survey.Questionnaire();
        var errors = SurveyRules.ValidateChange(before, changed, await store.HasResponsesAsync(id, HttpContext.RequestAborted));
        if (errors.Count > 0)
        {
            return await InvalidAsync(id, errors.Select(e => ("Question.Text", Message(e))));
        }
        var now = time.GetUtcNow();
        survey.Definition = changed.ToJson();
        survey.UpdatedAt = now;
        db.AuditEntries.Add(new AuditEntry { TenantId = survey.TenantId, ActorUserId = User.UserId(), Action = action, Subject = $"survey:{id}", Details = details, At = now });
        await db.SaveChangesAsync();
        TempData["Status"] = t["Builder.Saved"].Value;
        return Redirect($"{Request.PathBase}/surveys/{id}/edit#questions");
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var s = Settings;
        var errors = new List<(string, string)>();
        void CheckText(string field, string? text, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    errors.Add((field, t["Builder.Required"]));
                }
            }
            else if (text.Length > max)
            {
                errors.Add((field, t["Answer.TooLong", max]));
            }
            else if (TextRules.HasUnsafeCharacters(text))
            {
                errors.Add((field, t["Answer.UnsafeText"]));
            }
        }
        CheckText("Settings.Title", s.Title, 300, true);
        CheckText("Settings.Introduction", s.Introduction, 5000, false);
        CheckText("Settings.ThankYou", s.ThankYou, 2000, false);
        if (!Enum.IsDefined(s.Audience))
        {
            errors.Add(("Settings.Audience", t["Builder.Required"]));
        }
        else if (HasResponses && s.Audience != Survey.Audience)
        {
            errors.Add(("Settings.Audience", t["Builder.Locked.Audience"]));
        }
        if (s.OpensOn is { } o && s.ClosesOn is { } c && c <= o)
        {
            errors.Add(("Settings.ClosesOn", t["Builder.ClosesBeforeOpens"]));
        }
        if (!ModelState.IsValid)
        {
            errors.AddRange(ModelState.Where(m => m.Value?.Errors.Count > 0).Select(m => (m.Key, t["Builder.Invalid"].Value)));
            ModelState.Clear();
        }
        if (errors.Count > 0)
        {
            return await InvalidAsync(id, errors, keepSettings: true);
        }
        var survey = await db.Surveys.FirstAsync(x => x.Id == id);
        var now = time.GetUtcNow();
        survey.Title = s.Title!.Trim();
        survey.Introduction = string.IsNullOrWhiteSpace(s.Introduction) ? null : s.Introduction.Trim();
        survey.ThankYou = string.IsNullOrWhiteSpace(s.ThankYou) ? null : s.ThankYou.Trim();
        survey.Audience = s.Audience;
        survey.AskGroup = s.AskGroup;
        survey.OpensAt = s.OpensOn is { } open ? Formats.FromSofia(open.ToDateTime(TimeOnly.MinValue)) : null;
        survey.ClosesAt = s.ClosesOn is { } close ? Formats.FromSofia(close.ToDateTime(TimeOnly.MinValue)) : null;
        survey.ResultsPublished = s.ResultsPublished;
        survey.TextPublished = s.ResultsPublished && s.TextPublished;
        survey.UpdatedAt = now;
        db.AuditEntries.Add(new AuditEntry { TenantId = survey.TenantId, ActorUserId = User.UserId(), Action = "survey.settings", Subject = $"survey:{id}", At = now });
        await db.SaveChangesAsync();
        TempData["Status"] = t["Builder.Saved"].Value;
        return Redirect($"{Request.PathBase}/surveys/{id}/edit");
    }

    public async Task<IActionResult> OnPostLaunchAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var errors = SurveyRules.Validate(Definition);
        if (errors.Count > 0)
        {
            return await InvalidAsync(id, errors.Select(e => (string.Empty, Message(e))));
        }
        var now = time.GetUtcNow();
        await db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Launched, true).SetProperty(x => x.UpdatedAt, now));
        db.AuditEntries.Add(new AuditEntry { TenantId = Survey.TenantId, ActorUserId = User.UserId(), Action = "survey.launch", Subject = $"survey:{id}", At = now });
        await db.SaveChangesAsync();
        TempData["Status"] = t["Builder.Launched"].Value;
        return Redirect($"{Request.PathBase}/surveys/{id}/edit");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var now = time.GetUtcNow();
        await db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosesAt, now).SetProperty(x => x.UpdatedAt, now));
        db.AuditEntries.Add(new AuditEntry { TenantId = Survey.TenantId, ActorUserId = User.UserId(), Action = "survey.close", Subject = $"survey:{id}", At = now });
        await db.SaveChangesAsync();
        TempData["Status"] = t["Builder.Closed"].Value;
        return Redirect($"{Request.PathBase}/surveys/{id}/edit");
    }

    public async Task<IActionResult> OnPostSectionAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var title = SectionTitle?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200 || TextRules.HasUnsafeCharacters(title))
        {
            return await InvalidAsync(id, [("SectionTitle", string.IsNullOrEmpty(title) ? t["Builder.Required"] : t["Answer.TooLong", 200])]);
        }
        var changed = Definition.Copy();
        changed.Sections.Add(new SurveySection { Title = title });
        return await SaveDefinitionAsync(id, changed, "survey.section", title);
    }

    public async Task<IActionResult> OnPostQuestionAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var input = Question;
        if (!ModelState.IsValid)
        {
            var bad = ModelState.Where(m => m.Value?.Errors.Count > 0).Select(m => (m.Key, t["Builder.Invalid"].Value)).ToList();
            ModelState.Clear();
            return await InvalidAsync(id, bad);
        }
        var changed = Definition.Copy();
        if (changed.Sections.Count == 0)
        {
            changed.Sections.Add(new SurveySection { Title = t["Builder.FirstSection"] });
        }
        var existing = input.No > 0 ? changed.Question(input.No) : null;
        if (input.No > 0 && existing is null)
        {
            return NotFound();
        }
        var sectionIndex = Math.Clamp(input.Section, 0, changed.Sections.Count - 1);
        QuestionCondition? condition = null;
        if (!string.IsNullOrEmpty(input.ShowIf))
        {
            var parts = input.ShowIf.Split(':');
            condition = parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var qn) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var oc)
                ? new QuestionCondition(qn, oc) : new QuestionCondition(0, 0);
        }
        var usesOptions = input.Type is QuestionType.SingleChoice or QuestionType.Dropdown or QuestionType.MultipleChoice or QuestionType.Ranking;
        var usesRange = input.Type is QuestionType.MultipleChoice or QuestionType.Number;
        var usesLabels = input.Type is QuestionType.Likert or QuestionType.Scale10 or QuestionType.Matrix;
        var question = new SurveyQuestion
        {
            No = existing?.No ?? changed.NextNo,
            Type = Enum.IsDefined(input.Type) ? input.Type : QuestionType.ShortText,
            Text = input.Text?.Trim() ?? "",
            Help = string.IsNullOrWhiteSpace(input.Help) ? null : input.Help.Trim(),
            Required = input.Required,
            Options = usesOptions ? SurveyRules.Options(input.Options, existing?.Options ?? []) : [],
            Rows = input.Type == QuestionType.Matrix ? SurveyRules.Options(input.Rows, existing?.Rows ?? []) : [],
            AllowOther = input.AllowOther && input.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice,
            Min = usesRange ? input.Min : null,
            Max = usesRange ? input.Max : null,
            LowLabel = usesLabels && !string.IsNullOrWhiteSpace(input.LowLabel) ? input.LowLabel.Trim() : null,
            HighLabel = usesLabels && !string.IsNullOrWhiteSpace(input.HighLabel) ? input.HighLabel.Trim() : null,
            ShowIf = condition,
        };
        if (existing is not null)
        {
            foreach (var s in changed.Sections)
            {
                s.Questions.RemoveAll(q => q.No == existing.No);
            }
        }
        var target = changed.Sections[sectionIndex].Questions;
        var position = existing is not null ? Math.Min(Definition.Sections.ElementAtOrDefault(sectionIndex)?.Questions.FindIndex(q => q.No == existing.No) ?? -1, target.Count) : -1;
        if (position >= 0)
        {
            target.Insert(position, question);
        }
        else
        {
            target.Add(question);
        }
        var errors = SurveyRules.ValidateQuestion(changed, sectionIndex, question);
        if (changed.Questions.Count() > SurveyRules.MaxQuestions)
        {
            errors.Add(new("Text", "Builder.TooManyQuestions", SurveyRules.MaxQuestions));
        }
        if (errors.Count > 0)
        {
            var kept = Question;
            var result = await InvalidAsync(id, errors.Select(e => ("Question." + e.Field, Message(e))));
            Question = kept;
            return result;
        }
        var next = existing is null ? changed with { NextNo = changed.NextNo + 1 } : changed;
        return await SaveDefinitionAsync(id, next, existing is null ? "survey.question.add" : "survey.question.edit", question.Text);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int no)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var changed = Definition.Copy();
        foreach (var s in changed.Sections)
        {
            s.Questions.RemoveAll(q => q.No == no);
        }
        if (changed.Questions.Any(q => q.ShowIf?.QuestionNo == no))
        {
            return await InvalidAsync(id, [(string.Empty, t["Builder.UsedInCondition"].Value)]);
        }
        return await SaveDefinitionAsync(id, changed, "survey.question.remove", no.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int no, int by)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var changed = Definition.Copy();
        var section = changed.Sections.FirstOrDefault(s => s.Questions.Any(q => q.No == no));
        if (section is null || by is not (-1 or 1))
        {
            return NotFound();
        }
        var i = section.Questions.FindIndex(q => q.No == no);
        var j = i + by;
        if (j >= 0 && j < section.Questions.Count)
        {
            (section.Questions[i], section.Questions[j]) = (section.Questions[j], section.Questions[i]);
        }
        if (section.Questions.Any(q => q.ShowIf is { } c && section.Questions.Any(x => x.No == c.QuestionNo)))
        {
            return await InvalidAsync(id, [(string.Empty, t["Builder.BadCondition"].Value)]);
        }
        return await SaveDefinitionAsync(id, changed, "survey.question.move", no.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Problems of the last address list, line by line (shown beside the form).</summary>
    public IReadOnlyList<string> InvitationReport { get; private set; } = [];

    /// <summary>Invitations not used yet whose address is still known (so they can be reminded).</summary>
    public int InvitationsPending => Invited - InvitationsUsed;

    public const int MaxListBytes = 1024 * 1024;
    public const int MaxReportLines = 50;

    /// <summary>One reported line as the official reads it.</summary>
    private string Describe(InvitationProblem p) => p.Kind switch
    {
        InvitationProblemKind.Invalid => t["Invite.Line.Invalid", p.Line, p.Value],
        InvitationProblemKind.NoAddress => t["Invite.Line.NoAddress", p.Line, p.Value],
        InvitationProblemKind.Duplicate => t["Invite.Line.Duplicate", p.Line, p.Value, p.FirstLine ?? 0],
        _ => t["Invite.Line.AlreadyInvited", p.Line, p.Value],
    };

    private List<string> Report(IEnumerable<InvitationProblem> problems)
    {
        var all = problems.ToList();
        var lines = all.Take(MaxReportLines).Select(Describe).ToList();
        if (all.Count > MaxReportLines)
        {
            lines.Add(t["Invite.Line.More", all.Count - MaxReportLines]);
        }
        return lines;
    }

    /// <summary>
    /// Invites the addresses pasted or uploaded (a list or a CSV file). A list with an invalid line
    /// is refused whole, with every problem reported by line; repeats and addresses whose invitation
    /// is not used yet are skipped and reported.
    /// </summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, IFormFile? emailsFile)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Survey.Audience != SurveyAudience.Invitation)
        {
            return await InvalidAsync(id, [("Emails", t["Invite.NotInvitationSurvey"].Value)]);
        }
        var text = Emails ?? "";
        if (emailsFile is { Length: > 0 })
        {
            if (emailsFile.Length > MaxListBytes)
            {
                return await InvalidAsync(id, [("EmailsFile", t["Invite.FileTooLarge", MaxListBytes / 1024].Value)]);
            }
            using var reader = new StreamReader(emailsFile.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var content = await reader.ReadToEndAsync();
            if (content.Contains('\0', StringComparison.Ordinal) || content.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return await InvalidAsync(id, [("EmailsFile", t["Invite.FileNotText"].Value)]);
            }
            text = string.IsNullOrWhiteSpace(text) ? content : text + "\n" + content;
        }
        var list = InvitationList.Parse(text);
        if (list.Refused)
        {
            var errors = list.Problems.Where(p => p.Refuses).ToList();
            InvitationReport = Report(errors);
            return await InvalidAsync(id, [(emailsFile is { Length: > 0 } ? "EmailsFile" : "Emails", t["Invite.Refused", errors.Count, string.Join("; ", InvitationReport.Take(3))].Value)]);
        }
        if (list.Addresses.Count == 0)
        {
            return await InvalidAsync(id, [("Emails", t["Invite.None"].Value)]);
        }
        if (list.Addresses.Count > MaxInvitations)
        {
            return await InvalidAsync(id, [("Emails", t["Invite.TooMany", MaxInvitations].Value)]);
        }
        var wanted = list.Addresses.Select(a => a.Address).ToList();
        var pending = (await db.SurveyInvitations.Where(i => i.SurveyId == id && !i.Used && i.Email != null && wanted.Contains(i.Email)).Select(i => i.Email!).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
        var skipped = list.Problems.Concat(list.Addresses.Where(a => pending.Contains(a.Address))
            .Select(a => new InvitationProblem(a.Line, a.Address, InvitationProblemKind.AlreadyInvited))).OrderBy(p => p.Line).ToList();
        var invite = list.Addresses.Where(a => !pending.Contains(a.Address)).Select(a => a.Address).ToList();
        var now = time.GetUtcNow();
        var current = tenant.Required;
        foreach (var address in invite)
        {
            var token = SurveyStore.NewToken();
            db.SurveyInvitations.Add(new SurveyInvitation { Id = Guid.CreateVersion7(now), TenantId = current.Id, SurveyId = id, Email = address, TokenHash = SurveyStore.Hash(token), CreatedAt = now });
            var link = addresses.Absolute(current, $"/surveys/{id}?invitation={token}");
            outbox.Queue(new EmailMessage(address, t["Invite.Subject", Survey.Title], t["Invite.Body", Survey.Title, link, current.NameBg]));
        }
        db.AuditEntries.Add(new AuditEntry { TenantId = current.Id, ActorUserId = User.UserId(), Action = "survey.invite", Subject = $"survey:{id}", Details = invite.Count.ToString(CultureInfo.InvariantCulture), At = now });
        await db.SaveChangesAsync();
        signal.Notify();
        TempData["Status"] = t["Invite.Sent", invite.Count].Value + (skipped.Count > 0 ? " " + t["Invite.Skipped", skipped.Count].Value : "");
        if (skipped.Count > 0)
        {
            TempData["InvitationReport"] = string.Join('\n', Report(skipped));
        }
        return Redirect($"{Request.PathBase}/surveys/{id}/edit#invitations");
    }

    /// <summary>Queues a reminder to everyone invited who has not answered; the job runner sends it.</summary>
    public async Task<IActionResult> OnPostRemindAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Survey.Audience != SurveyAudience.Invitation || !Survey.IsOpen(Now))
        {
            return await InvalidAsync(id, [("Emails", t["Invite.RemindClosed"].Value)]);
        }
        if (InvitationsPending == 0)
        {
            return await InvalidAsync(id, [("Emails", t["Invite.NobodyToRemind"].Value)]);
        }
        db.EnqueueJob(SurveyReminders.JobKind, new SurveyReminders.Request(Survey.TenantId, id), Now);
        db.AuditEntries.Add(new AuditEntry { TenantId = Survey.TenantId, ActorUserId = User.UserId(), Action = "survey.remind", Subject = $"survey:{id}", At = Now });
        await db.SaveChangesAsync();
        signal.Notify();
        TempData["Status"] = t["Invite.Reminding", InvitationsPending].Value;
        return Redirect($"{Request.PathBase}/surveys/{id}/edit#invitations");
    }
}
