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

    /// <summary>SHA-256 of the cover image (<see cref="NewsCover"/>), lower-case hex: its address; null when the post has none.</summary>
    public string? CoverSha256 { get; set; }

    /// <summary>The cover's text alternative, required with a cover.</summary>
    public string? CoverAlt { get; set; }

    /// <summary>The cover's size in pixels, for the page's width and height attributes and Open Graph.</summary>
    public int? CoverWidth { get; set; }

    public int? CoverHeight { get; set; }
}

/// <summary>
/// A post's cover image, as <see cref="Platform.Files.Images"/> re-encoded it (WebP, at most
/// <see cref="NewsCovers.MaxWidth"/> × <see cref="NewsCovers.MaxHeight"/>, no metadata); one per post.
/// </summary>
public sealed class NewsCover : ITenantOwned
{
    public Guid PostId { get; set; }
    public Guid TenantId { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
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
