using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Feedback;

/// <summary>The officials' and the sender's steps on a report. Each returns null when done (the caller saves) or a FeedbackError.</summary>
public sealed partial class FeedbackDesk
{
    public const string Department = "Department";

    public async Task<FeedbackError?> AssignAsync(FeedbackReport report, string? department, Guid? assignee, Guid actor, CancellationToken ct)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, nameof(Department), department, 200, required: assignee is null);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (assignee is { } user && !await db.Memberships.AnyAsync(m => m.UserId == user && m.Role != TenantRole.Participant, ct))
        {
            return new("Assignee", "Error.Assignee");
        }
        if (!FeedbackStatusMachine.CanMove(report.Status, FeedbackStatus.Assigned))
        {
            return new("", "Error.Transition");
        }
        report.Department = FeedbackRules.IsBlank(department) ? report.Department : department!.Trim();
        report.AssigneeUserId = assignee;
        if (report.Status == FeedbackStatus.Assigned)
        {
            report.UpdatedAt = time.GetUtcNow();
            AddEvent(report, "assignment", null, report.Department, false, actor);
            Audit(actor, "feedback.assigned", report, report.Department);
            return null;
        }
        Move(report, FeedbackStatus.Assigned, null, actor);
        AddEvent(report, "assignment", null, report.Department, false, actor);
        return null;
    }

    public FeedbackError? Start(FeedbackReport report, Guid actor) =>
        Move(report, FeedbackStatus.InProgress, null, actor) ? null : new("", "Error.Transition");

    public FeedbackError? Answer(FeedbackReport report, string? answer, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Answer", answer, FeedbackRules.DescriptionMax, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (!FeedbackStatusMachine.CanMove(report.Status, FeedbackStatus.Answered))
        {
            return new("", "Error.Transition");
        }
        report.Answer = answer!.Trim();
        Move(report, FeedbackStatus.Answered, report.Answer, actor);
        return null;
    }

    public FeedbackError? Close(FeedbackReport report, Guid actor)
    {
        if (string.IsNullOrEmpty(report.Answer))
        {
            return new("Answer", "Error.Answer.Required");
        }
        return Move(report, FeedbackStatus.Closed, null, actor) ? null : new("", "Error.Transition");
    }

    public FeedbackError? Forward(FeedbackReport report, string? institution, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Institution", institution, 300, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (!FeedbackStatusMachine.CanMove(report.Status, FeedbackStatus.Forwarded))
        {
            return new("", "Error.Transition");
        }
        report.ForwardedTo = institution!.Trim();
        Move(report, FeedbackStatus.Forwarded, report.ForwardedTo, actor);
        return null;
    }

    public FeedbackError? Reject(FeedbackReport report, string? reason, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Reason", reason, FeedbackRules.ReasonMax, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (!FeedbackStatusMachine.CanMove(report.Status, FeedbackStatus.Rejected))
        {
            return new("", "Error.Transition");
        }
        report.RejectReason = reason!.Trim();
        Move(report, FeedbackStatus.Rejected, report.RejectReason, actor);
        return null;
    }

    /// <summary>Merges a report into the original it repeats: the duplicate's followers follow the original.</summary>
    public async Task<FeedbackError?> DuplicateAsync(FeedbackReport report, string? originalNumber, Guid actor, CancellationToken ct)
    {
        var number = originalNumber?.Trim();
        var original = string.IsNullOrEmpty(number) ? null
            : await db.FeedbackReports.AsNoTracking().FirstOrDefaultAsync(r => r.Number == number && r.Id != report.Id && r.Status != FeedbackStatus.Duplicate, ct);
        if (original is null)
        {
            return new("Original", "Error.Original");
        }
        if (!FeedbackStatusMachine.CanMove(report.Status, FeedbackStatus.Duplicate))
        {
            return new("", "Error.Transition");
        }
        report.DuplicateOfId = original.Id;
        Move(report, FeedbackStatus.Duplicate, original.Number, actor);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Follows" ("SubjectKind", "SubjectId", "UserId", "TenantId", "CreatedAt")
            SELECT "SubjectKind", {original.Id}, "UserId", "TenantId", {time.GetUtcNow()} FROM "Follows"
            WHERE "SubjectKind" = {FollowKind} AND "SubjectId" = {report.Id}
            ON CONFLICT DO NOTHING
            """, ct);
        return null;
    }

    /// <summary>Extends the deadline of an open report, up to six months from registration, with its reason; the sender is told (чл. 118, ал. 2).</summary>
    public FeedbackError? Extend(FeedbackReport report, DateOnly? newDue, string? reason, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Reason", reason, FeedbackRules.ReasonMax, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (!FeedbackStatusMachine.IsOpen(report.Status))
        {
            return new("", "Error.Transition");
        }
        if (newDue is not { } due || !FeedbackDeadlines.CanExtendTo(report.CreatedAt, report.DueAt, due, Calendar))
        {
            return new("NewDue", "Error.NewDue");
        }
        // A date that is not a working day ends on the next one, like any term.
        due = Calendar.OnOrAfter(due);
        report.DueAt = FeedbackDeadlines.EndOfSofiaDay(due);
        report.Extensions++;
        report.UpdatedAt = time.GetUtcNow();
        var text = $"{due:yyyy-MM-dd}: {reason!.Trim()}";
        AddEvent(report, "extension", null, text, true, actor);
        Audit(actor, "feedback.extended", report, text);
        Announce(report, actor, report.Status, text);
        return null;
    }

    public FeedbackError? Note(FeedbackReport report, string? text, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Note", text, FeedbackRules.DescriptionMax, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        AddEvent(report, "note", null, text, false, actor);
        return null;
    }

    /// <summary>The sender adds information while the report is open; staff and the sender see it, the public does not.</summary>
    public FeedbackError? AddInformation(FeedbackReport report, string? text, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Information", text, FeedbackRules.DescriptionMax, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (!FeedbackStatusMachine.AcceptsInformation(report.Status))
        {
            return new("Information", "Error.Closed");
        }
        report.UpdatedAt = time.GetUtcNow();
        AddEvent(report, "info", null, text, false, actor);
        return null;
    }

    public FeedbackError? Rate(FeedbackReport report, int? rating, string? remark, Guid actor)
    {
        if (report.Status is not (FeedbackStatus.Answered or FeedbackStatus.Closed))
        {
            return new("Rating", "Error.NotAnswered");
        }
        if (rating is not (>= 1 and <= 5))
        {
            return new("Rating", "Error.Rating");
        }
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Remark", remark, FeedbackRules.ReasonMax, required: false);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        report.Rating = rating;
        report.RatingRemark = FeedbackRules.IsBlank(remark) ? null : remark!.Trim();
        report.RatedAt = time.GetUtcNow();
        AddEvent(report, "rating", null, null, false, actor);
        return null;
    }

    /// <summary>The sender disputes the answer: once, within 14 days of it.</summary>
    public FeedbackError? Reopen(FeedbackReport report, string? reason, Guid actor)
    {
        var errors = new List<FeedbackError>();
        FeedbackRules.Text(errors, "Reason", reason, FeedbackRules.ReasonMax, required: true);
        if (errors.Count > 0)
        {
            return errors[0];
        }
        if (report.Reopened || report.AnsweredAt is not { } answered || !FeedbackDeadlines.CanReopen(answered, time.GetUtcNow(), Calendar)
            || !FeedbackStatusMachine.CanMove(report.Status, FeedbackStatus.InProgress) || report.Status is not (FeedbackStatus.Answered or FeedbackStatus.Closed))
        {
            return new("Reason", "Error.Reopen");
        }
        report.Reopened = true;
        Move(report, FeedbackStatus.InProgress, reason, actor);
        return null;
    }
}
