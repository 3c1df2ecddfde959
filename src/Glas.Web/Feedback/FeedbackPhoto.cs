using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Feedback;

/// <summary>
/// A photo attached to a report: decoded and encoded again (no EXIF, no GPS position), kept in the
/// file store. The public sees it only once staff have looked at it and published it.
/// </summary>
public sealed class FeedbackPhoto : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ReportId { get; set; }
    public required string StorageKey { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The sender's account; null for an Open311 submission without one.</summary>
    public Guid? UploadedBy { get; set; }

    /// <summary>When staff published it; until then only the sender and staff see it.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? ApprovedBy { get; set; }
}
