using System.Globalization;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Feedback;

/// <summary>Who sends a report: an account, or (through Open311) a name and an e-mail address.</summary>
public sealed record FeedbackSender(Guid? UserId, string Name, string? Email);

/// <summary>
/// Everything that happens to a report, in one place: registration with its number, the officials'
/// steps through the status machine, the sender's information, rating and reopening. Each public
/// step is written to the timeline and sent to the report's followers (the sender follows it).
/// </summary>
public sealed partial class FeedbackDesk(GlasDbContext db, TenantContext tenant, TimeProvider time, Notifier notifier, EmailOutbox outbox, PublicAddress addresses,
    IOptions<FeedbackOptions> options, FileStore files, IStringLocalizer<FeedbackText> t)
{
    public const string FollowKind = "feedback";
    public const string NotificationKind = "feedback.status";

    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo(Cultures.Bulgarian);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo(Cultures.English);

    public GeoBox Area => options.Value.Area(tenant.Required.Slug);

    /// <summary>The working days deadlines are counted on.</summary>
    public WorkingCalendar Calendar => options.Value.Calendar;

    public async Task<List<string>> CategoryCodesAsync(CancellationToken ct) =>
        await db.FeedbackCategories.AsNoTracking().Select(c => c.Code).ToListAsync(ct);

    /// <summary>The rules of a submission, without registering it.</summary>
    public async Task<List<FeedbackError>> CheckAsync(FeedbackSubmission submission, bool addressRequired, CancellationToken ct) =>
        FeedbackRules.Check(submission, await CategoryCodesAsync(ct), Area, addressRequired).Errors;

    /// <summary>
    /// Checks and registers a submission with its photos (already checked and cleaned, see
    /// <see cref="FeedbackPhotos"/>); nothing is stored when any rule fails.
    /// </summary>
    public async Task<(FeedbackReport? Report, List<FeedbackError> Errors)> SubmitAsync(FeedbackSubmission submission, FeedbackSender sender, string source, bool addressRequired,
        CancellationToken ct, IReadOnlyList<CleanImage>? photos = null)
    {
        var codes = await CategoryCodesAsync(ct);
        var (valid, errors) = FeedbackRules.Check(submission, codes, Area, addressRequired);
        if (valid is null)
        {
            return (null, errors);
        }
        var category = await db.FeedbackCategories.AsNoTracking().FirstAsync(c => c.Code == valid.Category, ct);
        var now = time.GetUtcNow();
        var tenantId = tenant.Required.Id;
        var strategy = db.Database.CreateExecutionStrategy();
        FeedbackReport report = null!;
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var year = FeedbackDeadlines.SofiaDate(now).Year;
            var sequence = await NextNumberAsync(tenantId, year, ct);
            report = new FeedbackReport
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                Number = FeedbackRules.Number(year, sequence),
                Kind = valid.Kind,
                CategoryId = category.Id,
                Title = valid.Title,
                Description = valid.Description,
                Address = valid.Address,
                Latitude = valid.Latitude,
                Longitude = valid.Longitude,
                IsPublic = valid.IsPublic,
                Status = FeedbackStatus.Received,
                Source = source,
                ReporterUserId = sender.UserId,
                ReporterName = sender.Name.Length > FeedbackRules.NameMax ? sender.Name[..FeedbackRules.NameMax] : sender.Name,
                ReporterEmail = sender.Email,
                CreatedAt = now,
                UpdatedAt = now,
                DueAt = FeedbackDeadlines.DecisionDue(now, Calendar),
                Department = category.Department,
            };
            db.FeedbackReports.Add(report);
            AddEvent(report, "status", FeedbackStatus.Received, null, true, sender.UserId);
            if (photos is { Count: > 0 })
            {
                await AddPhotosAsync(report, photos, sender.UserId, ct);
            }
            if (sender.Email is { } email)
            {
                outbox.Queue(RegisteredMail(report, email));
            }
            await db.SaveChangesAsync(ct);
            if (sender.UserId is { } user)
            {
                await db.FollowAsync(user, Subject(report), now, ct);
            }
            await tx.CommitAsync(ct);
        });
        return (report, errors);
    }

    /// <summary>
    /// The next registration number of the year, taken in the caller's transaction: the year's row
    /// stays locked until it commits, so numbers run without gaps or twins. The year's first number
    /// continues from the highest already given (reports registered before the row existed).
    /// </summary>
    private async Task<int> NextNumberAsync(Guid tenantId, int year, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<int>($"""
            UPDATE "FeedbackNumbers" SET "Last" = "Last" + 1 WHERE "TenantId" = {tenantId} AND "Year" = {year} RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        if (next.Count == 1)
        {
            return next[0];
        }
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        var last = await db.FeedbackReports.Where(r => r.Number.StartsWith(prefix)).MaxAsync(r => (string?)r.Number, ct);
        var first = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        next = await db.Database.SqlQuery<int>($"""
            INSERT INTO "FeedbackNumbers" ("TenantId", "Year", "Last") VALUES ({tenantId}, {year}, {first})
            ON CONFLICT ("TenantId", "Year") DO UPDATE SET "Last" = "FeedbackNumbers"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return next[0];
    }

    public static FollowSubject Subject(FeedbackReport report) => new(FollowKind, report.Id, report.TenantId);

    public static string Path(FeedbackReport report) => $"/feedback/{report.Id}";

    /// <summary>Moves a report to <paramref name="to"/> when the status machine allows it; the caller saves.</summary>
    public bool Move(FeedbackReport report, FeedbackStatus to, string? publicText, Guid? actor)
    {
        if (!FeedbackStatusMachine.CanMove(report.Status, to))
        {
            return false;
        }
        var now = time.GetUtcNow();
        report.Status = to;
        report.UpdatedAt = now;
        switch (to)
        {
            case FeedbackStatus.Answered:
                report.AnsweredAt = now;
                report.ClosedAt = null;
                break;
            case FeedbackStatus.Closed or FeedbackStatus.Forwarded or FeedbackStatus.Rejected or FeedbackStatus.Duplicate:
                report.ClosedAt = now;
                break;
            case FeedbackStatus.InProgress:
                report.ClosedAt = null;
                break;
        }
        AddEvent(report, "status", to, publicText, true, actor);
        Audit(actor, "feedback." + to.ToString().ToLowerInvariant(), report, publicText);
        Announce(report, actor, to, publicText);
        return true;
    }

    public void AddEvent(FeedbackReport report, string kind, FeedbackStatus? status, string? text, bool isPublic, Guid? actor) =>
        db.FeedbackEvents.Add(new FeedbackEvent
        {
            Id = Guid.NewGuid(),
            TenantId = report.TenantId,
            ReportId = report.Id,
            At = time.GetUtcNow(),
            Kind = kind,
            Status = status,
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            IsPublic = isPublic,
            ActorUserId = actor,
        });

    public void Audit(Guid? actor, string action, FeedbackReport report, string? details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = report.TenantId,
            ActorUserId = actor,
            Action = action,
            Subject = "feedback " + report.Number,
            Details = details is { Length: > 500 } ? details[..500] : details,
            At = time.GetUtcNow(),
        });

    /// <summary>Tells the followers (the sender among them), or the sender without an account by e-mail, of a change.</summary>
    public void Announce(FeedbackReport report, Guid? actor, FeedbackStatus status, string? text)
    {
        var mail = StatusMail(report, status, text);
        notifier.Queue(Subject(report), NotificationKind, $"{report.Number} {report.Title}", Path(report), actor, mail);
        if (report.ReporterUserId is null && report.ReporterEmail is { } email)
        {
            outbox.Queue(new EmailMessage(email, mail.Subject, mail.Body));
        }
    }

    private NotificationMail StatusMail(FeedbackReport report, FeedbackStatus status, string? text)
    {
        var link = addresses.Absolute(tenant.Required, Path(report));
        var body = Text(Bg, "Mail.Status", report.Number, report.Title, Text(Bg, "Status." + status)) + "\n"
            + (string.IsNullOrWhiteSpace(text) ? "" : text.Trim() + "\n") + link + "\n\n"
            + Text(En, "Mail.Status", report.Number, report.Title, Text(En, "Status." + status)) + "\n" + link;
        return new NotificationMail(Text(Bg, "Mail.Status.Subject", report.Number, Text(Bg, "Status." + status)), body);
    }

    private EmailMessage RegisteredMail(FeedbackReport report, string email)
    {
        var link = addresses.Absolute(tenant.Required, Path(report));
        var due = Formats.Date(FeedbackDeadlines.SofiaDate(report.DueAt), Bg);
        var dueEn = Formats.Date(FeedbackDeadlines.SofiaDate(report.DueAt), En);
        var body = Text(Bg, "Mail.Registered", report.Number, Formats.DateTime(report.CreatedAt, Bg), report.Title, due) + "\n" + link + "\n\n"
            + Text(En, "Mail.Registered", report.Number, Formats.DateTime(report.CreatedAt, En), report.Title, dueEn) + "\n" + link;
        return new EmailMessage(email, Text(Bg, "Mail.Registered.Subject", report.Number), body);
    }

    private string Text(CultureInfo culture, string key, params object[] args)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return t[key, args].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeFormat;
        }
    }
}
