using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Participation.Notifications;

/// <summary>What a person can follow: a module's kind of item ("consultation", "project") and its id, in its administration.</summary>
public sealed record FollowSubject(string Kind, Guid Id, Guid TenantId)
{
    public const int MaxKindLength = 40;
}

/// <summary>A person follows one item of any module; a notice about it reaches every follower.</summary>
public sealed class Follow : ITenantOwned
{
    public Guid UserId { get; set; }
    public required string SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One notice to one person about an item they follow, shown in the app and, by their choice, e-mailed.</summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid TenantId { get; set; }
    public required string SubjectKind { get; set; }
    public Guid SubjectId { get; set; }

    /// <summary>What happened, e.g. "project.status"; names the text shown (NotificationsText "Kind.{kind}").</summary>
    public required string Kind { get; set; }

    /// <summary>The item's title as it was then (content, in Bulgarian).</summary>
    public required string Title { get; set; }

    /// <summary>Path of the item under its administration, e.g. /projects/{id}.</summary>
    public required string Path { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? EmailedAt { get; set; }
}

/// <summary>How a person wants notices by e-mail.</summary>
public enum EmailChoice
{
    Immediately,
    DailyDigest,
    Never,
}

/// <summary>A person's notification settings; a person without a row gets e-mail immediately.</summary>
public sealed class NotificationSettings
{
    public Guid UserId { get; set; }
    public EmailChoice Email { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
