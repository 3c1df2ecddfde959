using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>
/// Opens and closes consultations on time and sends the followers' notices: a recurring job on the
/// job runner, every <see cref="ConsultationOptions.TickInterval"/>. Each change is one guarded
/// UPDATE … RETURNING, so with several instances every transition and every notice happens once.
/// </summary>
public sealed class ConsultationClock(IServiceScopeFactory scopes, TimeProvider time, IOptions<ConsultationOptions> options, JobSignal signal) : IRecurringJob
{
    public const string JobKind = "consultations.clock";

    private sealed record Moved(Guid Id, Guid TenantId, string Title);

    public string Kind => JobKind;

    public DateTimeOffset NextRun(DateTimeOffset now) => now + options.Value.TickInterval;

    public Task RunAsync(string payload, CancellationToken ct) => TickAsync(ct);

    public async Task TickAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = time.GetUtcNow();
        var reminderFrom = now.AddDays(3);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var opened = await db.Database.SqlQuery<Moved>($"""
            UPDATE "Consultations" SET "Status" = 'Open', "UpdatedAt" = {now}
            WHERE "Status" = 'Scheduled' AND "OpensAt" <= {now} AND "ClosesAt" > {now}
            RETURNING "Id", "TenantId", "Title"
            """).ToListAsync(ct);
        var closed = await db.Database.SqlQuery<Moved>($"""
            UPDATE "Consultations" SET "Status" = 'Closed', "UpdatedAt" = {now}
            WHERE "Status" IN ('Open', 'Scheduled') AND "ClosesAt" <= {now}
            RETURNING "Id", "TenantId", "Title"
            """).ToListAsync(ct);
        var reminded = await db.Database.SqlQuery<Moved>($"""
            UPDATE "Consultations" SET "ReminderSentAt" = {now}
            WHERE "Status" = 'Open' AND "ReminderSentAt" IS NULL AND "ClosesAt" <= {reminderFrom} AND "ClosesAt" > {now}
            RETURNING "Id", "TenantId", "Title"
            """).ToListAsync(ct);

        foreach (var c in opened)
        {
            Timeline.Add(db, c.Id, TimelineKind.Opened, now);
        }
        foreach (var c in closed)
        {
            Timeline.Add(db, c.Id, TimelineKind.Closed, now);
        }
        var mailer = scope.ServiceProvider.GetRequiredService<FollowerMail>();
        await mailer.QueueAsync(opened.Select(c => (c.Id, c.TenantId, c.Title)), FollowerMail.Event.Opened, ct);
        await mailer.QueueAsync(reminded.Select(c => (c.Id, c.TenantId, c.Title)), FollowerMail.Event.ClosingSoon, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (opened.Count + reminded.Count > 0)
        {
            signal.Notify();
        }
    }
}

public static class Timeline
{
    public static void Add(GlasDbContext db, Guid consultationId, TimelineKind kind, DateTimeOffset at, string? details = null) =>
        db.TimelineEvents.Add(new TimelineEvent { ConsultationId = consultationId, Kind = kind, At = at, Details = details });
}

/// <summary>
/// Notices to the people who follow a consultation (in the app, and e-mailed in Bulgarian with the
/// English below), through the shared <see cref="Notifier"/>; queued in the caller's unit of work.
/// </summary>
public sealed class FollowerMail(Notifier notifier, TenantDirectory tenants, PublicAddress addresses)
{
    public const string SubjectKind = "consultation";

    public enum Event
    {
        Opened,
        ClosingSoon,
        ReportPublished,
    }

    public static FollowSubject Subject(Guid id, Guid tenantId) => new(SubjectKind, id, tenantId);

    public async Task QueueAsync(IEnumerable<(Guid Id, Guid TenantId, string Title)> consultations, Event what, CancellationToken ct)
    {
        var list = consultations.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var all = await tenants.AllAsync(ct);
        foreach (var c in list)
        {
            var tenant = all.First(t => t.Id == c.TenantId);
            var path = $"/consultations/{c.Id}";
            var link = addresses.Absolute(tenant, path);
            var (kind, subjectBg, bodyBg, bodyEn) = what switch
            {
                Event.Opened => ("consultation.opened", "Откри се обществена консултация", "Консултацията „{0}“ е открита за предложения.", "The consultation \"{0}\" is open for proposals."),
                Event.ClosingSoon => ("consultation.closing", "Остават 3 дни за предложения", "Консултацията „{0}“ се закрива след 3 дни.", "The consultation \"{0}\" closes in 3 days."),
                _ => ("consultation.report", "Публикувана е справката за предложенията", "Справката за получените предложения по „{0}“ е публикувана.", "The report on the proposals received for \"{0}\" has been published."),
            };
            var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, bodyBg, c.Title) + "\n" + link + "\n\n"
                + string.Format(System.Globalization.CultureInfo.InvariantCulture, bodyEn, c.Title) + "\n\n"
                + "Получавате това писмо, защото следите консултацията. / You receive this because you follow the consultation.";
            notifier.Queue(Subject(c.Id, c.TenantId), kind, c.Title, path, mail: new NotificationMail($"{subjectBg}: {c.Title}", body));
        }
    }
}
