using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glas.Web.Events;

public sealed class EventOptions
{
    /// <summary>How often reminders are looked for.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before an event its confirmed participants are reminded.</summary>
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Reminds confirmed participants by e-mail a day before their event, and sends them the event's
/// feedback form once it is over (<see cref="EventFeedback"/>), through the job runner's
/// e-mail queue: a recurring job every <see cref="EventOptions.TickInterval"/>. One guarded
/// UPDATE … RETURNING marks each reminder, so with several instances each person is reminded once.
/// </summary>
public sealed class EventReminders(IServiceScopeFactory scopes, TimeProvider time, IOptions<EventOptions> options, JobSignal signal) : IRecurringJob
{
    public const string JobKind = "events.reminders";

    private sealed record Due(Guid Id, Guid EventId, Guid TenantId, string Name, string Email, string Token);

    public string Kind => JobKind;

    public DateTimeOffset NextRun(DateTimeOffset now) => now + options.Value.TickInterval;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        await TickAsync(ct);
        await FeedbackTickAsync(ct);
    }

    /// <summary>Sends the feedback form of events that are over to their participants; returns how many e-mails were queued.</summary>
    public async Task<int> FeedbackTickAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sent = await EventFeedback.SendDueAsync(db, scope.ServiceProvider.GetRequiredService<PublicAddress>(), time.GetUtcNow(), ct);
        await tx.CommitAsync(ct);
        if (sent > 0)
        {
            signal.Notify();
        }
        return sent;
    }

    /// <summary>Queues the reminders now due; returns how many.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var addresses = scope.ServiceProvider.GetRequiredService<PublicAddress>();
        var registrations = scope.ServiceProvider.GetRequiredService<EventRegistrations>();
        var now = time.GetUtcNow();
        var until = now + options.Value.RemindBefore;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Database.SqlQuery<Due>($"""
            UPDATE "EventRegistrations" r SET "ReminderSentAt" = {now}
            FROM "Events" e
            WHERE r."EventId" = e."Id" AND r."Status" = 'Confirmed' AND r."ReminderSentAt" IS NULL
              AND e."Status" = 'Scheduled' AND e."StartsAt" > {now} AND e."StartsAt" <= {until}
            RETURNING r."Id", r."EventId", r."TenantId", r."Name", r."Email", r."Token"
            """).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var eventIds = due.Select(d => d.EventId).Distinct().ToList();
        var events = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var tenantIds = events.Values.Select(e => e.TenantId).Distinct().ToList();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var d in due)
        {
            var e = events[d.EventId];
            var tenant = tenants[e.TenantId];
            var link = addresses.Absolute(tenant, EventRegistrations.RegistrationPath(e.Id, d.Token));
            db.EnqueueJob(EmailOutbox.JobKind, new EmailMessage(d.Email, $"Напомняне: {e.Title}",
                $"Здравейте, {d.Name}!\n\nНапомняме ви за „{e.Title}“.\nКога: {Formats.DateTime(e.StartsAt)} (българско време)\n{EventRegistrations.Where(e)}\n\nАко няма да дойдете, откажете се, за да освободите място: {link}\n",
                Attachments: [registrations.IcsAttachment(e, tenant)]), now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return due.Count;
    }
}
