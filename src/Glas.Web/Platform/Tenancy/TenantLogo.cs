using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Tenancy;

/// <summary>
/// An administration's logo, as <see cref="Files.Images"/> re-encoded it (PNG, at most
/// <see cref="TenantLogos.MaxWidth"/> × <see cref="TenantLogos.MaxHeight"/>); one per administration.
/// </summary>
public sealed class TenantLogo : ITenantOwned
{
    public Guid TenantId { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex: the logo's address, so a new logo is a new address.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The logo's address and its endpoint: served under its own hash and cached for a year.</summary>
public static class TenantLogos
{
    public const int MaxWidth = 480;
    public const int MaxHeight = 240;

    /// <summary>The logo's path for an administration, or null when it has none.</summary>
    public static string? PathOf(Tenant tenant) => tenant.LogoSha256 is { } sha ? $"/logo/{sha}.png" : null;

    public static IEndpointRouteBuilder MapTenantLogo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/logo/{sha}.png", [HttpMethods.Get, HttpMethods.Head], async (string sha, HttpContext context, GlasDbContext db, CancellationToken ct) =>
        {
            if (!HashedImages.IsHash(sha))
            {
                return Results.NotFound();
            }
            // The query filter limits this to the administration of the request.
            var logo = await db.TenantLogos.AsNoTracking().FirstOrDefaultAsync(l => l.Sha256 == sha, ct);
            if (logo is null)
            {
                return Results.NotFound();
            }
            return HashedImages.Serve(context, sha, logo.Content, logo.ContentType, logo.UpdatedAt);
        }).ExcludeFromDescription();
        return app;
    }
}
