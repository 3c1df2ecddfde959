using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Feedback;

/// <summary>A report's photo as pages show it.</summary>
public sealed record PhotoView(Guid Id, string Path, int Width, int Height, bool Published);

/// <summary>What the photos partial shows: the photos, and whether to offer publishing and removing them.</summary>
public sealed record PhotosModel(string Number, IReadOnlyList<PhotoView> Photos, bool Moderate);

public sealed partial class FeedbackDesk
{
    /// <summary>Stores cleaned photos with a report (the caller saves, in the same transaction as the report).</summary>
    private async Task AddPhotosAsync(FeedbackReport report, IReadOnlyList<CleanImage> photos, Guid? uploader, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var photo in photos)
        {
            var (key, sha, size) = await files.SaveAsync(new MemoryStream(photo.Content, writable: false), ct);
            db.FeedbackPhotos.Add(new FeedbackPhoto
            {
                Id = Guid.CreateVersion7(now), TenantId = report.TenantId, ReportId = report.Id, StorageKey = key, ContentType = photo.ContentType,
                Size = size, Width = photo.Width, Height = photo.Height, Sha256 = sha, UploadedAt = now, UploadedBy = uploader,
            });
        }
    }

    /// <summary>Staff have looked at a photo and publish it with the report.</summary>
    public async Task<bool> PublishPhotoAsync(FeedbackReport report, Guid photoId, Guid actor, CancellationToken ct)
    {
        var photo = await db.FeedbackPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.ReportId == report.Id, ct);
        if (photo is null)
        {
            return false;
        }
        if (photo.ApprovedAt is null)
        {
            photo.ApprovedAt = time.GetUtcNow();
            photo.ApprovedBy = actor;
            Audit(actor, "feedback.photo.published", report, photo.Id.ToString());
        }
        return true;
    }

    /// <summary>Staff remove a photo that should not be shown (a face, a number plate, something unrelated).</summary>
    public async Task<bool> RemovePhotoAsync(FeedbackReport report, Guid photoId, Guid actor, CancellationToken ct)
    {
        var photo = await db.FeedbackPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.ReportId == report.Id, ct);
        if (photo is null)
        {
            return false;
        }
        db.FeedbackPhotos.Remove(photo);
        Audit(actor, "feedback.photo.removed", report, photo.Id.ToString());
        return true;
    }

    /// <summary>A report's photos in the order they came; only the published ones unless <paramref name="all"/>.</summary>
    public static async Task<List<PhotoView>> PhotosAsync(GlasDbContext db, Guid reportId, bool all, CancellationToken ct) =>
        (await db.FeedbackPhotos.AsNoTracking().Where(p => p.ReportId == reportId && (all || p.ApprovedAt != null))
            .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Width, p.Height, p.ApprovedAt }).ToListAsync(ct))
        .Select(p => new PhotoView(p.Id, FeedbackPhotos.Path(reportId, p.Id), p.Width, p.Height, p.ApprovedAt is not null)).ToList();
}
