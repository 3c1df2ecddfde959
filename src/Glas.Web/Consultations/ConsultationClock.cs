using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>
/// Opens and closes consultations on time and sends the followers' e-mails. Each change is one
/// guarded UPDATE … RETURNING, so with several instances every transition and every e-mail
/// happens exactly once.
/// </summary>
public sealed class ConsultationClock(IServiceScopeFactory scopes, TimeProvider time, IOptions<ConsultationOptions> options, JobSignal signal, ILogger<ConsultationClock> logger)
    : BackgroundService
{
    private sealed record Moved(Guid Id, Guid TenantId, string Title);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Consultation clock tick failed");
            }
            try
            {
                await Task.Delay(options.Value.TickInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

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

/// <summary>E-mails to the people who follow a consultation, in Bulgarian with the English below.</summary>
public sealed class FollowerMail(GlasDbContext db, EmailOutbox outbox, TenantDirectory tenants, PublicAddress addresses)
{
    public enum Event
    {
        Opened,
        ClosingSoon,
        ReportPublished,
    }

    public async Task QueueAsync(IEnumerable<(Guid Id, Guid TenantId, string Title)> consultations, Event what, CancellationToken ct)
    {
        var list = consultations.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var ids = list.Select(c => c.Id).ToList();
        var followers = await db.Follows.AsNoTracking()
            .Where(f => ids.Contains(f.ConsultationId))
            .Join(db.Users.Where(u => u.DeletedAt == null && u.EmailConfirmed), f => f.UserId, u => u.Id, (f, u) => new { f.ConsultationId, u.Email })
            .ToListAsync(ct);
        var all = await tenants.AllAsync(ct);
        foreach (var c in list)
        {
            var tenant = all.First(t => t.Id == c.TenantId);
            var link = Link(tenant, c.Id);
            var (subjectBg, bodyBg, bodyEn) = what switch
            {
                Event.Opened => ("Откри се обществена консултация", "Консултацията „{0}“ е открита за предложения.", "The consultation \"{0}\" is open for proposals."),
                Event.ClosingSoon => ("Остават 3 дни за предложения", "Консултацията „{0}“ се закрива след 3 дни.", "The consultation \"{0}\" closes in 3 days."),
                _ => ("Публикувана е справката за предложенията", "Справката за получените предложения по „{0}“ е публикувана.", "The report on the proposals received for \"{0}\" has been published."),
            };
            foreach (var f in followers.Where(f => f.ConsultationId == c.Id))
            {
                var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, bodyBg, c.Title) + "\n" + link + "\n\n"
                    + string.Format(System.Globalization.CultureInfo.InvariantCulture, bodyEn, c.Title) + "\n\n"
                    + "Получавате това писмо, защото следите консултацията. / You receive this because you follow the consultation.";
                outbox.Queue(new EmailMessage(f.Email!, $"{subjectBg}: {c.Title}", body));
            }
        }
    }

    private string Link(Tenant tenant, Guid id) => addresses.Absolute(tenant, $"/consultations/{id}");
}
