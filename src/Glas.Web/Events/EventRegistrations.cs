using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>What became of a registration request.</summary>
public sealed record RegistrationResult(string? ErrorKey, EventRegistration? Registration = null)
{
    public bool Ok => ErrorKey is null;
}

/// <summary>
/// Registers people for events, confirms e-mail registrations, cancels, and moves the waiting list
/// up when a place frees. Each change locks the event's row, so two people never take the last place.
/// </summary>
public sealed class EventRegistrations(GlasDbContext db, TimeProvider time, EmailOutbox outbox, JobSignal signal, PublicAddress addresses)
{
    /// <summary>
    /// Registers a signed-in person (<paramref name="userId"/>), who is confirmed at once, or a
    /// person by name and e-mail, who is confirmed when they follow the e-mailed link.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(Tenant tenant, Guid eventId, Guid? userId, string name, string email, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(eventId, ct) is not { } e)
        {
            return new("Error.NotFound");
        }
        var now = time.GetUtcNow();
        switch (EventRules.Window(e, now))
        {
            case RegistrationWindow.Cancelled: return new("Error.EventCancelled");
            case RegistrationWindow.NotYetOpen: return new("Error.NotYetOpen");
            case RegistrationWindow.Closed: return new("Error.RegistrationClosed");
        }
        var normalised = EventRules.NormaliseEmail(email);
        var existing = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && (r.Email == normalised || (userId != null && r.UserId == userId)), ct);
        if (existing is { Status: not RegistrationStatus.Cancelled })
        {
            return new("Error.AlreadyRegistered", existing);
        }
        var registration = existing ?? new EventRegistration
        {
            Id = Guid.CreateVersion7(now), TenantId = e.TenantId, EventId = eventId, Name = name.Trim(), Email = normalised, Token = NewToken(),
        };
        registration.UserId = userId;
        registration.Name = name.Trim();
        registration.RegisteredAt = now;
        registration.CancelledAt = null;
        registration.ReminderSentAt = null;
        if (userId is null)
        {
            registration.Status = RegistrationStatus.Unconfirmed;
            outbox.Queue(new EmailMessage(normalised, $"Потвърдете регистрацията: {e.Title}",
                $"Здравейте, {registration.Name}!\n\nЗа да потвърдите регистрацията си за „{e.Title}“ ({Formats.DateTime(e.StartsAt)}), отворете:\n{Link(tenant, registration)}\n\nАко не сте се регистрирали, не правете нищо.\n"));
        }
        else
        {
            registration.Status = EventRules.Place(e.Capacity, await ConfirmedAsync(eventId, ct));
            QueueOutcome(tenant, e, registration);
        }
        if (existing is null)
        {
            db.EventRegistrations.Add(registration);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return new(null, registration);
    }

    /// <summary>Confirms an e-mail registration: it takes a place, or joins the waiting list when the event is full.</summary>
    public async Task<RegistrationResult> ConfirmAsync(Tenant tenant, Guid eventId, string token, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(eventId, ct) is not { } e || await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.Token == token, ct) is not { } registration)
        {
            return new("Error.NotFound");
        }
        if (registration.Status != RegistrationStatus.Unconfirmed)
        {
            return new(null, registration);
        }
        if (EventRules.Window(e, time.GetUtcNow()) is not RegistrationWindow.Open)
        {
            return new("Error.RegistrationClosed", registration);
        }
        registration.Status = EventRules.Place(e.Capacity, await ConfirmedAsync(eventId, ct));
        QueueOutcome(tenant, e, registration);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return new(null, registration);
    }

    /// <summary>Cancels a registration (by its owner's account or its link's token); the first on the waiting list takes the place.</summary>
    public async Task<RegistrationResult> CancelAsync(Tenant tenant, Guid eventId, Func<EventRegistration, bool> owns, Guid registrationId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(eventId, ct) is not { } e || await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.Id == registrationId, ct) is not { } registration
            || !owns(registration))
        {
            return new("Error.NotFound");
        }
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return new(null, registration);
        }
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = time.GetUtcNow();
        outbox.Queue(new EmailMessage(registration.Email, $"Регистрацията е отменена: {e.Title}",
            $"Здравейте, {registration.Name}!\n\nРегистрацията ви за „{e.Title}“ ({Formats.DateTime(e.StartsAt)}) е отменена.\n{addresses.Absolute(tenant, EventCalendar.Path(e.Id))}\n"));
        await db.SaveChangesAsync(ct);
        await PromoteAsync(tenant, e, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return new(null, registration);
    }

    /// <summary>Moves the waiting list up into the free places, oldest first; the caller holds the event's lock and saves.</summary>
    public async Task PromoteAsync(Tenant tenant, PublicEvent e, CancellationToken ct)
    {
        if (e.Status == EventStatus.Cancelled || e.StartsAt <= time.GetUtcNow())
        {
            return;
        }
        var confirmed = await ConfirmedAsync(e.Id, ct);
        var waiting = await db.EventRegistrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted, ct);
        var moving = EventRules.Promotions(e.Capacity, confirmed, waiting);
        if (moving == 0)
        {
            return;
        }
        var promoted = await db.EventRegistrations.Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Take(moving).ToListAsync(ct);
        foreach (var r in promoted)
        {
            r.Status = RegistrationStatus.Confirmed;
            QueueOutcome(tenant, e, r, promotedFromWaitlist: true);
        }
    }

    /// <summary>Tells everyone registered or waiting that the event is cancelled (with the cancelling .ics); the caller saves.</summary>
    public async Task AnnounceCancellationAsync(Tenant tenant, PublicEvent e, CancellationToken ct)
    {
        var people = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted)).ToListAsync(ct);
        foreach (var r in people)
        {
            outbox.Queue(new EmailMessage(r.Email, $"Събитието е отменено: {e.Title}",
                $"Здравейте, {r.Name}!\n\nСъбитието „{e.Title}“, насрочено за {Formats.DateTime(e.StartsAt)}, е отменено.\n{addresses.Absolute(tenant, EventCalendar.Path(e.Id))}\n",
                Attachments: [IcsAttachment(e, tenant)]));
        }
    }

    /// <summary>Locks the event's row for the transaction and returns it (null when not of this administration).</summary>
    public async Task<PublicEvent?> LockAsync(Guid eventId, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(x => x.Id == eventId, ct))
        {
            return null;
        }
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Events" WHERE "Id" = {eventId} FOR UPDATE""", ct);
        return await db.Events.FirstAsync(x => x.Id == eventId, ct);
    }

    private Task<int> ConfirmedAsync(Guid eventId, CancellationToken ct) =>
        db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed, ct);

    /// <summary>The e-mail that says where a registration stands: with a place (and the .ics file), or on the waiting list.</summary>
    private void QueueOutcome(Tenant tenant, PublicEvent e, EventRegistration r, bool promotedFromWaitlist = false)
    {
        var when = Formats.DateTime(e.StartsAt);
        var link = Link(tenant, r);
        if (r.Status == RegistrationStatus.Waitlisted)
        {
            outbox.Queue(new EmailMessage(r.Email, $"В списъка на чакащите: {e.Title}",
                $"Здравейте, {r.Name}!\n\nМестата за „{e.Title}“ ({when}) са заети и сте в списъка на чакащите. Ще ви пишем, ако се освободи място.\n\nОтказ от регистрацията: {link}\n"));
            return;
        }
        var opening = promotedFromWaitlist ? "Освободи се място и регистрацията ви е потвърдена" : "Регистрацията ви е потвърдена";
        outbox.Queue(new EmailMessage(r.Email, $"{(promotedFromWaitlist ? "Имате място" : "Потвърдена регистрация")}: {e.Title}",
            $"Здравейте, {r.Name}!\n\n{opening}: „{e.Title}“\nКога: {when} (българско време)\n{Where(e)}\nКалендарният файл (.ics) е приложен.\n\nОтказ от регистрацията: {link}\n",
            Attachments: [IcsAttachment(e, tenant)]));
    }

    public EmailAttachment IcsAttachment(PublicEvent e, Tenant tenant) =>
        new("event.ics", "text/calendar; charset=utf-8; method=PUBLISH", Encoding.UTF8.GetBytes(EventCalendar.File(e, addresses, tenant)));

    public string Link(Tenant tenant, EventRegistration r) => addresses.Absolute(tenant, RegistrationPath(r.EventId, r.Token));

    public static string RegistrationPath(Guid eventId, string token) => $"/events/{eventId}/registration/{token}";

    public static string Where(PublicEvent e) =>
        string.Join("\n", new[] { e.Place is null ? null : "Къде: " + e.Place, e.OnlineUrl is null ? null : "Онлайн: " + e.OnlineUrl }.Where(x => x is not null));

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLower(CultureInfo.InvariantCulture);
}
