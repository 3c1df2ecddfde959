using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.News;

/// <summary>The cover's size, address and endpoint: served under its own hash and cached for a year, like the logo.</summary>
public static class NewsCovers
{
    /// <summary>The box a cover is scaled into (never enlarged); 1200 × 630 is what link previews show.</summary>
    public const int MaxWidth = 1200;
    public const int MaxHeight = 900;

    /// <summary>The cover's path, or null when the post has none.</summary>
    public static string? PathOf(NewsPost post) => post.CoverSha256 is { } sha ? $"/news/covers/{sha}.webp" : null;

    public static IEndpointRouteBuilder MapNewsCovers(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/news/covers/{sha}.webp", [HttpMethods.Get, HttpMethods.Head], async (string sha, HttpContext context, GlasDbContext db, CancellationToken ct) =>
        {
            if (!HashedImages.IsHash(sha))
            {
                return Results.NotFound();
            }
            // The query filter limits this to the administration of the request.
            var cover = await db.NewsCovers.AsNoTracking().Where(c => c.Sha256 == sha).Select(c => new { c.Content, c.ContentType, c.UpdatedAt }).FirstOrDefaultAsync(ct);
            if (cover is null)
            {
                return Results.NotFound();
            }
            return HashedImages.Serve(context, sha, cover.Content, cover.ContentType, cover.UpdatedAt);
        }).ExcludeFromDescription();
        return app;
    }
}
