using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Events;

public enum EventKind
{
    PublicDiscussion,   // обществено обсъждане (of a draft: linked to a consultation)
    PublicEvent,        // публично събитие
    InformationMeeting, // информационна среща
    Training,           // обучение
    Forum,              // форум
}

public enum EventStatus
{
    Scheduled,
    Cancelled,
}

public enum RegistrationStatus
{
    /// <summary>Registered by name and e-mail; waits for the e-mail to be confirmed.</summary>
    Unconfirmed,
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>A public event of an administration; times are stored in UTC and shown in Sofia time.</summary>
public sealed class PublicEvent : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public EventKind Kind { get; set; }
    public EventStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }

    /// <summary>How the venue can be reached and used (step-free access, hearing loop, …).</summary>
    public string? Accessibility { get; set; }

    /// <summary>Places; null means no limit.</summary>
    public int? Capacity { get; set; }

    /// <summary>When registration opens; null: as soon as the event is published.</summary>
    public DateTimeOffset? RegistrationOpensAt { get; set; }

    /// <summary>When registration closes; null: when the event starts.</summary>
    public DateTimeOffset? RegistrationClosesAt { get; set; }

    public required string Organiser { get; set; }

    /// <summary>The consultation a public discussion is about.</summary>
    public Guid? ConsultationId { get; set; }

    /// <summary>A short report, written after the event.</summary>
    public string? Report { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOnline => OnlineUrl is not null;
}

/// <summary>
/// A person's registration for an event: by account, or by name and confirmed e-mail. Names and
/// e-mails are seen only by the organiser (the administration's Officials); everyone else sees counts.
/// </summary>
public sealed class EventRegistration : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid EventId { get; set; }
    public Guid? UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case; one registration per e-mail and event.</summary>
    public required string Email { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>Secret of the links in the e-mails (confirm, cancel), so a person without an account can act.</summary>
    public required string Token { get; set; }

    /// <summary>When the registration (or its latest renewal) was made: the waiting list's order.</summary>
    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }

    /// <summary>When the event's feedback form was sent to the person.</summary>
    public DateTimeOffset? FeedbackSentAt { get; set; }
    public bool Attended { get; set; }
}
