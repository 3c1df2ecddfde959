using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Bodies;

/// <summary>The kinds of participatory body (органи за участие) the issue names.</summary>
public enum BodyKind
{
    CivicCouncil,       // граждански съвет
    PublicCouncil,      // обществен съвет
    AdvisoryCouncil,    // консултативен съвет
    WorkingGroup,       // работна група
    CivicForum,         // граждански форум
}

public enum MemberRole
{
    Chair,          // председател
    ViceChair,      // заместник-председател
    Member,         // член
    Secretary,      // секретар
    Observer,       // наблюдател
}

public enum MeetingStatus
{
    Planned,
    Held,
    Cancelled,
    Postponed,
}

/// <summary>A council, forum or working group of an administration (a Popolo organization).</summary>
public sealed class Body : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public BodyKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>What the body is for (its mandate), in plain text.</summary>
    public required string Mandate { get; set; }

    /// <summary>The act that created it, e.g. "Решение № 123 от 12.03.2026 г. на Общински съвет – Хасково".</summary>
    public string? CreatingAct { get; set; }

    public DateOnly TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    public string? Contact { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A membership (Popolo membership with its person): the public name the member consented to, the
/// organisation represented, the role and its dates. Ending a membership keeps the row, so the
/// history stays.
/// </summary>
public sealed class BodyMember : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BodyId { get; set; }
    public required string PublicName { get; set; }
    public string? Organisation { get; set; }
    public MemberRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The member's Glas account, when linked (never shown publicly).</summary>
    public Guid? UserId { get; set; }

    public bool IsCurrent(DateOnly today) => From <= today && (To is null || To >= today);
}

/// <summary>A meeting of a body; times are stored in UTC and shown in Sofia time.</summary>
public sealed class Meeting : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BodyId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public MeetingStatus Status { get; set; }

    /// <summary>How many members attended (recorded once the meeting is held).</summary>
    public int? Attendance { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An item on a meeting's agenda and, after the meeting, its decision with the votes.</summary>
public sealed class AgendaItem : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Decision { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstained { get; set; }
}

/// <summary>A member present at a held meeting (one row per member present): the body's per-member attendance record.</summary>
public sealed class MeetingAttendance : ITenantOwned
{
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public Guid TenantId { get; set; }
}
