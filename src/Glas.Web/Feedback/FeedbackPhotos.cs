using Glas.Web.Platform.Files;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Feedback;

/// <summary>
/// The photo rules of a report, the same for the form and for Open311: at most five, each at most
/// 5 MB, each a JPEG, PNG or WebP by its content, decoded and encoded again as WebP within 1600 px
/// (so camera data and the GPS position are gone before anything is stored).
/// </summary>
public static class FeedbackPhotos
{
    public const int MaxCount = 5;
    public const int MaxBytes = Images.MaxBytes;
    public const int MaxSide = 1600;

    /// <summary>The largest request a submission with photos may be.</summary>
    public const long MaxRequestBytes = (MaxCount * (long)MaxBytes) + (256 * 1024);

    /// <summary>
    /// Reads and cleans the uploaded files (empty file inputs are skipped). Errors are on the field
    /// "Photos", one per refused photo with its position, never its (untrusted) name.
    /// </summary>
    public static async Task<(List<CleanImage> Photos, List<FeedbackError> Errors)> CheckAsync(IEnumerable<IFormFile>? files, CancellationToken ct)
    {
        var photos = new List<CleanImage>();
        var errors = new List<FeedbackError>();
        var given = (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (given.Count > MaxCount)
        {
            errors.Add(new("Photos", "Error.Photos.TooMany"));
            return (photos, errors);
        }
        for (var i = 0; i < given.Count; i++)
        {
            var file = given[i];
            ImageProblem problem;
            if (file.Length > MaxBytes)
            {
                problem = ImageProblem.TooLarge;
            }
            else
            {
                using var buffer = new MemoryStream((int)file.Length);
                await using (var stream = file.OpenReadStream())
                {
                    await stream.CopyToAsync(buffer, ct);
                }
                var result = Images.Clean(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), MaxSide, MaxSide, ImageOutput.Webp);
                if (result.Image is { } image)
                {
                    photos.Add(image);
                    continue;
                }
                problem = result.Problem;
            }
            errors.Add(new("Photos", "Error.Photo." + problem, i + 1));
        }
        return (photos, errors);
    }

    public static string Path(Guid reportId, Guid photoId) => $"/feedback/{reportId}/photos/{photoId}";
}

/// <summary>Serves a report's photo to those who may see it: published ones with a visible report, any one to its sender and to staff.</summary>
public static class FeedbackPhotoEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feedback/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, HttpContext http, Platform.Database.GlasDbContext db,
            FileStore files, TenantRoles roles, CancellationToken ct) =>
        {
            var report = await db.FeedbackReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (report is null || !await FeedbackQueries.CanSeeAsync(report, http.User, roles))
            {
                return Results.NotFound();
            }
            var photo = await db.FeedbackPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.ReportId == id, ct);
            if (photo is null
                || (photo.ApprovedAt is null && !(http.User.UserId() is { } me && me == report.ReporterUserId) && !await FeedbackQueries.IsStaffAsync(http.User, roles)))
            {
                return Results.NotFound();
            }
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, max-age=300";
            return files.Download(http, photo.StorageKey, photo.ContentType, $"{report.Number}-{photo.Id.ToString()[..8]}.webp");
        }).ExcludeFromDescription();
        return app;
    }
}
