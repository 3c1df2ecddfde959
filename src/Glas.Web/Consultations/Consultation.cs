using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Consultations;

public enum ActType
{
    Ordinance,          // наредба
    Rules,              // правилник
    CouncilDecision,    // решение на общински съвет
    MayorOrder,         // заповед на кмета
    Strategy,           // стратегия
    Plan,               // план
    Programme,          // програма
    Budget,             // бюджет
    Other,              // друго
}

public enum ConsultationStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
    ReportPublished,
    Adopted,
    Withdrawn,
}

/// <summary>A draft act, strategy or plan put to the public (ЗНА чл. 26).</summary>
public sealed class Consultation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Registration number within the tenant, e.g. "2026-007".</summary>
    public required string RegNumber { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }
    public ActType ActType { get; set; }
    public required string PolicyArea { get; set; }
    public required string ResponsibleUnit { get; set; }

    /// <summary>Other ways to send proposals: postal address, e-mail.</summary>
    public string? ProposalWays { get; set; }

    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }

    /// <summary>00:00 of the opening day and 24:00 of the closing day, Bulgarian time; kept for queries.</summary>
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>Required, and public, when the period is under 30 days.</summary>
    public string? ShortTermReason { get; set; }

    public ConsultationStatus Status { get; set; }

    /// <summary>The draft text as pasted or imported; split into <see cref="DraftUnit"/>s.</summary>
    public string DraftText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ReportPublishedAt { get; set; }

    /// <summary>Sent-once markers for the followers' e-mails.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public void SetPeriod(DateOnly opensOn, DateOnly closesOn)
    {
        OpensOn = opensOn;
        ClosesOn = closesOn;
        OpensAt = ConsultationLifecycle.OpensAt(opensOn);
        ClosesAt = ConsultationLifecycle.ClosesAt(closesOn);
    }

    public ConsultationStatus EffectiveStatus(DateTimeOffset now) => ConsultationLifecycle.Effective(Status, OpensAt, ClosesAt, now);

    public bool AcceptsComments(DateTimeOffset now) => EffectiveStatus(now) == ConsultationStatus.Open;

    public List<ContactPerson> Contacts { get; set; } = [];
    public List<DraftUnit> Units { get; set; } = [];
}

public sealed class ContactPerson
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
}

public enum UnitKind
{
    Text,
    Chapter,
    Section,
    Article,
    Paragraph,
    Point,
    Letter,
    Provision,
}

/// <summary>One numbered piece of the draft that citizens comment on.</summary>
public sealed class DraftUnit
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }

    /// <summary>1-based position in the draft; the public address of the unit.</summary>
    public int Number { get; set; }

    public UnitKind Kind { get; set; }
    public required string Label { get; set; }

    /// <summary>Where the unit sits, e.g. "Чл. 3, ал. 2, т. 1".</summary>
    public required string Path { get; set; }

    public required string Text { get; set; }
    public int Depth { get; set; }
}
