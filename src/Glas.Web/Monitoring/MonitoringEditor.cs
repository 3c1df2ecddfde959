using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glas.Web.Monitoring;

public sealed class MonitoringOptions
{
    /// <summary>Days the administration has to answer a recommendation.</summary>
    public int AnswerDays { get; set; } = 30;
}

/// <summary>The signed-in person as the public timeline names them.</summary>
public sealed record MonitoringActor(Guid? UserId, string Name);

/// <summary>A policy's editable parts, as the staff form or the API sends them.</summary>
public sealed record PolicyInput(string? Title, PolicyKind Kind, string? Area, string? ResponsibleUnit, int? StartYear, int? EndYear, string? Summary);

public sealed record MeasureInput(string? Title, string? ResponsibleUnit, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? Budget, string? Currency);

public sealed record IndicatorInput(string? Name, string? Code, IndicatorUnit Unit, string? UnitLabel, decimal? BaselineValue, int? BaselineYear,
    decimal? TargetValue, int? TargetYear, IndicatorDirection Direction, string? DataSource, string? Frequency);

public sealed record ValueInput(int? Year, string? Value, string? SourceNote);

public sealed record AnswerInput([property: JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))] AnswerStatus Answer, string? Reason, string? PlannedAction, DateOnly? Deadline);

public sealed record ImplementationInput(ImplementationStatus Status, string? Evidence);

public sealed record ReportInput(string? Title, Guid? PolicyId, string? Summary, string? Findings, string? Recommendations);

/// <summary>
/// Every change to policies, values, answers and reports: validated field by field (errors are
/// MonitoringText keys), audited, and followers notified, all in the caller's save.
/// </summary>
public sealed class MonitoringEditor(GlasDbContext db, TimeProvider time, Notifier notifier, IOptions<MonitoringOptions> options)
{
    public const string PolicyFollowKind = "policy";
    public const string RecommendationFollowKind = "recommendation";
    public const string ReportFollowKind = "monitoring-report";

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Formats.ToSofia(Now).DateTime);

    public async Task<MonitoringActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.UserId();
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new MonitoringActor(id, name ?? "—");
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, "Error.Required"));
            }
            return;
        }
        if (value.Length > max)
        {
            errors.Add(new(field, "Error.TooLong"));
        }
        else if (TextRules.HasUnsafeCharacters(value))
        {
            errors.Add(new(field, "Error.Unsafe"));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static List<FieldError> Check(PolicyInput i)
    {
        var errors = new List<FieldError>();
        Text(errors, "Title", i.Title, 500, true);
        Text(errors, "Area", i.Area, 200, false);
        Text(errors, "ResponsibleUnit", i.ResponsibleUnit, 300, true);
        Text(errors, "Summary", i.Summary, 4000, false);
        if (!Enum.IsDefined(i.Kind))
        {
            errors.Add(new("Kind", "Error.Invalid"));
        }
        if (i.StartYear is not (>= 2000 and <= 2100))
        {
            errors.Add(new("StartYear", "Error.Year"));
        }
        if (i.EndYear is not (>= 2000 and <= 2100))
        {
            errors.Add(new("EndYear", "Error.Year"));
        }
        else if (i.StartYear is { } s && i.EndYear < s)
        {
            errors.Add(new("EndYear", "Error.EndBeforeStart"));
        }
        return errors;
    }

    public static List<FieldError> CheckGoal(string? title)
    {
        var errors = new List<FieldError>();
        Text(errors, "Title", title, 500, true);
        return errors;
    }

    public static List<FieldError> Check(MeasureInput i)
    {
        var errors = new List<FieldError>();
        Text(errors, "Title", i.Title, 500, true);
        Text(errors, "ResponsibleUnit", i.ResponsibleUnit, 300, false);
        if (i.PlannedStart is null)
        {
            errors.Add(new("PlannedStart", "Error.Required"));
        }
        if (i.PlannedEnd is null)
        {
            errors.Add(new("PlannedEnd", "Error.Required"));
        }
        else if (i.PlannedStart is { } s && i.PlannedEnd < s)
        {
            errors.Add(new("PlannedEnd", "Error.EndBeforeStart"));
        }
        if (i.Budget is { } b && (b < 0 || b > 10_000_000_000m))
        {
            errors.Add(new("Budget", "Error.Budget"));
        }
        if (i.Budget is not null && i.Currency is not ("BGN" or "EUR"))
        {
            errors.Add(new("Currency", "Error.Currency"));
        }
        return errors;
    }

    public static List<FieldError> Check(IndicatorInput i)
    {
        var errors = new List<FieldError>();
        Text(errors, "Name", i.Name, 500, true);
        Text(errors, "Code", i.Code, 40, false);
        Text(errors, "UnitLabel", i.UnitLabel, 40, true);
        Text(errors, "DataSource", i.DataSource, 300, false);
        Text(errors, "Frequency", i.Frequency, 100, false);
        if (!Enum.IsDefined(i.Unit))
        {
            errors.Add(new("Unit", "Error.Invalid"));
        }
        if (!Enum.IsDefined(i.Direction))
        {
            errors.Add(new("Direction", "Error.Invalid"));
        }
        if (i.BaselineYear is not (>= 2000 and <= 2100))
        {
            errors.Add(new("BaselineYear", "Error.Year"));
        }
        if (i.TargetYear is not (>= 2000 and <= 2100))
        {
            errors.Add(new("TargetYear", "Error.Year"));
        }
        else if (i.BaselineYear is { } b && i.TargetYear <= b)
        {
            errors.Add(new("TargetYear", "Error.TargetBeforeBaseline"));
        }
        foreach (var (field, value) in new[] { ("BaselineValue", i.BaselineValue), ("TargetValue", i.TargetValue) })
        {
            if (value is not { } v)
            {
                errors.Add(new(field, "Error.Required"));
            }
            else if (UnitError(i.Unit, v) is { } key)
            {
                errors.Add(new(field, key));
            }
        }
        if (errors.Count == 0 && i.TargetValue == i.BaselineValue)
        {
            errors.Add(new("TargetValue", "Error.TargetSameAsBaseline"));
        }
        else if (errors.Count == 0 && (i.Direction == IndicatorDirection.HigherIsBetter) != (i.TargetValue > i.BaselineValue))
        {
            errors.Add(new("Direction", "Error.DirectionMismatch"));
        }
        return errors;
    }

    /// <summary>Whether a value fits the indicator's kind of unit: a percentage 0–100, a count a whole number ≥ 0.</summary>
    public static string? UnitError(IndicatorUnit unit, decimal value) => unit switch
    {
        IndicatorUnit.Percent when value is < 0 or > 100 => "Error.Percent",
        IndicatorUnit.Count when value < 0 || value != decimal.Truncate(value) => "Error.Count",
        _ when Math.Abs(value) >= 100_000_000_000_000m => "Error.Number",
        _ => null,
    };

    /// <summary>Reads a number as people type it: "12,5", "12.5", "1 234".</summary>
    public static decimal? ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().Replace("\u00A0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public Policy CreatePolicy(PolicyInput i, MonitoringActor actor)
    {
        var now = Now;
        var policy = new Policy
        {
            TenantId = db.CurrentTenantId!.Value,
            Title = i.Title!.Trim(),
            Kind = i.Kind,
            Area = Clean(i.Area),
            ResponsibleUnit = i.ResponsibleUnit!.Trim(),
            StartYear = i.StartYear!.Value,
            EndYear = i.EndYear!.Value,
            Summary = Clean(i.Summary),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Policies.Add(policy);
        Audit(actor, "policy.create", policy.Id, policy.Title);
        return policy;
    }

    public PolicyGoal AddGoal(Policy policy, string title, int position, MonitoringActor actor)
    {
        var goal = new PolicyGoal { TenantId = policy.TenantId, PolicyId = policy.Id, Position = position, Title = title.Trim() };
        db.PolicyGoals.Add(goal);
        Touch(policy, actor, "policy.goal.add", goal.Title, notify: false);
        return goal;
    }

    public PolicyMeasure AddMeasure(Policy policy, PolicyGoal goal, MeasureInput i, int position, MonitoringActor actor)
    {
        var measure = new PolicyMeasure
        {
            TenantId = policy.TenantId,
            GoalId = goal.Id,
            Position = position,
            Title = i.Title!.Trim(),
            ResponsibleUnit = Clean(i.ResponsibleUnit),
            PlannedStart = i.PlannedStart!.Value,
            PlannedEnd = i.PlannedEnd!.Value,
            Budget = i.Budget,
            Currency = i.Budget is null ? null : i.Currency,
            Status = MeasureStatus.NotStarted,
            UpdatedAt = Now,
        };
        db.PolicyMeasures.Add(measure);
        Touch(policy, actor, "policy.measure.add", measure.Title, notify: false);
        return measure;
    }

    public PolicyIndicator AddIndicator(Policy policy, PolicyGoal goal, IndicatorInput i, int position, MonitoringActor actor)
    {
        var indicator = new PolicyIndicator
        {
            TenantId = policy.TenantId,
            GoalId = goal.Id,
            Position = position,
            Name = i.Name!.Trim(),
            Code = Clean(i.Code),
            Unit = i.Unit,
            UnitLabel = i.UnitLabel!.Trim(),
            BaselineValue = i.BaselineValue!.Value,
            BaselineYear = i.BaselineYear!.Value,
            TargetValue = i.TargetValue!.Value,
            TargetYear = i.TargetYear!.Value,
            Direction = i.Direction,
            DataSource = Clean(i.DataSource),
            Frequency = Clean(i.Frequency),
        };
        db.PolicyIndicators.Add(indicator);
        Touch(policy, actor, "policy.indicator.add", indicator.Name, notify: false);
        return indicator;
    }

    /// <summary>Errors in a measure's new status and progress.</summary>
    public static List<FieldError> CheckProgress(MeasureStatus status, int? progress)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(status))
        {
            errors.Add(new("Status", "Error.Invalid"));
        }
        if (progress is not (>= 0 and <= 100))
        {
            errors.Add(new("Progress", "Error.Progress"));
        }
        else if (status == MeasureStatus.Completed && progress != 100)
        {
            errors.Add(new("Progress", "Error.CompletedNot100"));
        }
        return errors;
    }

    public void UpdateMeasure(Policy policy, PolicyMeasure measure, MeasureStatus status, int progress, MonitoringActor actor)
    {
        var before = $"{measure.Status} {measure.Progress}%";
        measure.Status = status;
        measure.Progress = progress;
        measure.UpdatedAt = Now;
        Touch(policy, actor, "policy.measure.update", $"{measure.Title}: {before} → {status} {progress}%", notify: true);
    }

    /// <summary>Errors in a reported value for <paramref name="indicator"/>, and the number when there are none.</summary>
    public (List<FieldError> Errors, decimal Value) CheckValue(PolicyIndicator indicator, ValueInput i)
    {
        var errors = new List<FieldError>();
        if (i.Year is not { } year || year < indicator.BaselineYear || year > Today.Year)
        {
            errors.Add(new("Year", "Error.ValueYear"));
        }
        var value = ParseNumber(i.Value);
        if (value is null)
        {
            errors.Add(new("Value", string.IsNullOrWhiteSpace(i.Value) ? "Error.Required" : "Error.NotANumber"));
        }
        else if (UnitError(indicator.Unit, value.Value) is { } key)
        {
            errors.Add(new("Value", key));
        }
        Text(errors, "SourceNote", i.SourceNote, 500, true);
        return (errors, value ?? 0);
    }

    /// <summary>Adds the value for its year; a value already reported for that year is kept as replaced.</summary>
    public async Task<IndicatorValue> ReportValueAsync(Policy policy, PolicyIndicator indicator, int year, decimal value, string sourceNote, MonitoringActor actor, CancellationToken ct)
    {
        var now = Now;
        // Marked in the same save as the new value, so a failed save replaces nothing.
        var current = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Year == year && v.ReplacedAt == null).ToListAsync(ct);
        current.ForEach(v => v.ReplacedAt = now);
        var replaced = current.Count;
        var row = new IndicatorValue
        {
            TenantId = policy.TenantId,
            IndicatorId = indicator.Id,
            Year = year,
            Value = value,
            SourceNote = sourceNote.Trim(),
            ReportedAt = now,
            ReportedById = actor.UserId,
            ReportedByName = actor.Name,
        };
        db.IndicatorValues.Add(row);
        Touch(policy, actor, replaced > 0 ? "policy.value.correct" : "policy.value.report",
            $"{indicator.Name} {year.ToString(CultureInfo.InvariantCulture)}: {value.ToString(CultureInfo.InvariantCulture)}", notify: true);
        return row;
    }

    public List<FieldError> CheckAnswer(Recommendation r, AnswerInput i)
    {
        var errors = RecommendationRules.CheckAnswer(r.Answer, i.Answer, i.Reason, i.PlannedAction, i.Deadline, Today)
            .Select(e => new FieldError(e.Field, e.Key)).ToList();
        Text(errors, "Reason", i.Reason, 4000, false);
        Text(errors, "PlannedAction", i.PlannedAction, 4000, false);
        return errors;
    }

    public void Answer(Recommendation r, AnswerInput i, MonitoringActor actor)
    {
        var now = Now;
        r.Answer = i.Answer;
        r.AnswerReason = Clean(i.Reason);
        r.PlannedAction = i.Answer == AnswerStatus.NotAccepted ? null : Clean(i.PlannedAction);
        r.Deadline = i.Answer == AnswerStatus.NotAccepted ? null : i.Deadline;
        r.Implementation = i.Answer == AnswerStatus.NotAccepted ? null : ImplementationStatus.Planned;
        r.AnsweredAt = now;
        r.UpdatedAt = now;
        Event(r, actor, "answer." + i.Answer, string.Join(" — ", new[] { r.AnswerReason, r.PlannedAction }.Where(x => x is not null)));
    }

    public List<FieldError> CheckImplementation(Recommendation r, ImplementationInput i)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(i.Status) || !RecommendationRules.CanMove(r.Answer, r.Implementation, i.Status))
        {
            errors.Add(new("Status", "Error.Transition"));
        }
        Text(errors, "Evidence", i.Evidence, 4000, RecommendationRules.NeedsEvidence(i.Status));
        return errors;
    }

    public void Implement(Recommendation r, ImplementationInput i, MonitoringActor actor)
    {
        r.Implementation = i.Status;
        r.Evidence = Clean(i.Evidence) ?? r.Evidence;
        r.UpdatedAt = Now;
        Event(r, actor, "implementation." + i.Status, Clean(i.Evidence));
    }

    public static List<FieldError> Check(ReportInput i)
    {
        var errors = new List<FieldError>();
        Text(errors, "Title", i.Title, 500, true);
        Text(errors, "Summary", i.Summary, 4000, true);
        Text(errors, "Findings", i.Findings, 20000, false);
        Text(errors, "Recommendations", i.Recommendations, 20000, false);
        if (Lines(i.Recommendations).Any(l => l.Length > 500))
        {
            errors.Add(new("Recommendations", "Error.RecommendationTooLong"));
        }
        return errors;
    }

    /// <summary>One recommendation per non-empty line.</summary>
    public static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Publishes an organisation's report with its recommendations (one per line), each addressed to the policy's unit.</summary>
    public MonitoringReport PublishReport(ReportInput i, Guid authorId, string organisation, Policy? policy, MonitoringActor actor)
    {
        var now = Now;
        var report = new MonitoringReport
        {
            TenantId = db.CurrentTenantId!.Value,
            Kind = ReportKind.MonitoringReport,
            PolicyId = policy?.Id,
            Title = i.Title!.Trim(),
            AuthorUserId = authorId,
            AuthorName = organisation,
            Summary = i.Summary!.Trim(),
            Findings = Clean(i.Findings),
            PublishedAt = now,
            UpdatedAt = now,
        };
        db.MonitoringReports.Add(report);
        foreach (var line in Lines(i.Recommendations))
        {
            AddRecommendation(report.TenantId, RecommendationSource.MonitoringReport, report.Id, policy?.Id, line, null,
                policy?.ResponsibleUnit ?? "—", authorId, organisation, actor);
        }
        Audit(actor, "monitoring.report.publish", report.Id, report.Title);
        return report;
    }

    public void UpdateReport(MonitoringReport report, ReportInput i, MonitoringActor actor)
    {
        report.Title = i.Title!.Trim();
        report.Summary = i.Summary!.Trim();
        report.Findings = Clean(i.Findings);
        report.UpdatedAt = Now;
        Audit(actor, "monitoring.report.edit", report.Id, report.Title);
        notifier.Queue(new FollowSubject(ReportFollowKind, report.Id, report.TenantId), "monitoring.report", report.Title, $"/monitoring/reports/{report.Id}", actor.UserId);
    }

    public Recommendation AddRecommendation(Guid tenantId, RecommendationSource source, Guid? reportId, Guid? policyId, string title, string? text,
        string addressee, Guid? authorId, string authorName, MonitoringActor actor, DateTimeOffset? at = null)
    {
        var when = at ?? Now;
        var r = new Recommendation
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            Source = source,
            ReportId = reportId,
            PolicyId = policyId,
            Title = title,
            Text = text,
            AddresseeUnit = addressee,
            AuthorUserId = authorId,
            AuthorName = authorName,
            CreatedAt = when,
            AnswerDue = DateOnly.FromDateTime(Formats.ToSofia(when).DateTime).AddDays(options.Value.AnswerDays),
            Answer = AnswerStatus.Pending,
            UpdatedAt = when,
        };
        db.Recommendations.Add(r);
        db.RecommendationEvents.Add(new RecommendationEvent
        {
            TenantId = tenantId,
            RecommendationId = r.Id,
            At = when,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Kind = "received",
        });
        return r;
    }

    private void Event(Recommendation r, MonitoringActor actor, string kind, string? note)
    {
        db.RecommendationEvents.Add(new RecommendationEvent
        {
            TenantId = r.TenantId,
            RecommendationId = r.Id,
            At = Now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Kind = kind,
            Note = string.IsNullOrEmpty(note) ? null : note,
        });
        Audit(actor, "recommendation." + kind, r.Id, r.Title);
        notifier.Queue(new FollowSubject(RecommendationFollowKind, r.Id, r.TenantId), "monitoring.recommendation", r.Title, $"/monitoring/recommendations/{r.Id}", actor.UserId);
    }

    private void Touch(Policy policy, MonitoringActor actor, string action, string details, bool notify)
    {
        policy.UpdatedAt = Now;
        Audit(actor, action, policy.Id, details);
        if (notify)
        {
            notifier.Queue(new FollowSubject(PolicyFollowKind, policy.Id, policy.TenantId), "monitoring.policy", policy.Title, $"/monitoring/policies/{policy.Id}", actor.UserId);
        }
    }

    public void Audit(MonitoringActor actor, string action, Guid subject, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = db.CurrentTenantId!.Value,
            ActorUserId = actor.UserId,
            Action = action,
            Subject = subject.ToString(),
            Details = details.Length > 1000 ? details[..1000] : details,
            At = Now,
        });
}
