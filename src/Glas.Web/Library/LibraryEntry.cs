using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Library;

/// <summary>What kind of publication a library entry is.</summary>
public enum LibraryType
{
    Report,
    Analysis,
    Strategy,
    CaseStudy,
    Guide,
}

/// <summary>
/// A publication of the administration's document library: a report, analysis, strategy, case
/// study or guide, with its date, topic and the organisation that wrote it. Its files are the
/// documents component's (kind "library"), each with its versions.
/// </summary>
public sealed class LibraryEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public LibraryType Type { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The publication's own date (not when it was added here).</summary>
    public DateOnly Date { get; set; }

    /// <summary>A topic code (Participation.Subscriptions.Topics), or none.</summary>
    public string? Topic { get; set; }

    public required string AuthorOrganisation { get; set; }

    /// <summary>The official who added it; null once their account is erased.</summary>
    public Guid? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
