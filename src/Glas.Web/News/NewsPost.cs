using Glas.Web.Platform.Tenancy;

namespace Glas.Web.News;

/// <summary>
/// A news post by the administration: title, summary, a Markdown body (shown sanitised), topics,
/// and a publish time: none is a draft, a later one is scheduled, and the post is public from then.
/// </summary>
public sealed class NewsPost : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }

    /// <summary>Markdown as written; rendered through <see cref="Platform.Web.SafeMarkdown"/> only.</summary>
    public required string Body { get; set; }

    /// <summary>Topic codes (Participation.Subscriptions.Topics).</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>When the post is public; null while it is a draft.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>The official who wrote it; null once their account is erased.</summary>
    public Guid? AuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<NewsLink> Links { get; set; } = [];
}

/// <summary>A post's link to an item of another module (a consultation, project, survey, policy, body or event), with its title and page as chosen.</summary>
public sealed class NewsLink : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PostId { get; set; }

    /// <summary>The module's key, e.g. "consultations".</summary>
    public required string Module { get; set; }

    public Guid ItemId { get; set; }
    public required string Title { get; set; }
    public required string Path { get; set; }
    public int Position { get; set; }
}
