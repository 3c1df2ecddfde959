using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>How often a subscriber hears of new items.</summary>
public enum SubscriptionFrequency
{
    Immediately,
    Weekly,
}

/// <summary>
/// A person's subscription in one administration to kinds of content (modules) and topics: a
/// signed-in person's (their account's e-mail) or, after double opt-in, an e-mail address alone.
/// Only confirmed subscriptions exist: an unconfirmed request lives in its signed link only.
/// </summary>
public sealed class Subscription : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The subscriber's account; null for a subscription by e-mail alone.</summary>
    public Guid? UserId { get; set; }

    /// <summary>The address of a subscription by e-mail alone (lower case); null for an account's.</summary>
    public string? Email { get; set; }

    /// <summary>Module keys, e.g. "news", "consultations".</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Topic codes; empty means every topic.</summary>
    public List<string> Topics { get; set; } = [];

    public SubscriptionFrequency Frequency { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }

    /// <summary>Until when announced items went out in a weekly digest (initially the confirmation).</summary>
    public DateTimeOffset DigestThrough { get; set; }
}

/// <summary>
/// A new public item of any module, noticed once in the module's feed items and kept as the
/// subscriptions' outbox: immediate e-mails go out when it is noticed, the weekly digest reads it later.
/// </summary>
public sealed class AnnouncedItem : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Module { get; set; }
    public Guid ItemId { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string Path { get; set; }
    /// <summary>The topic codes the item carries (none for modules without topics).</summary>
    public List<string> Topics { get; set; } = [];

    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset AnnouncedAt { get; set; }
}
