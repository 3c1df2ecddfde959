using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Tenancy;

public sealed class DefaultTenantOptions
{
    public string Slug { get; set; } = "glas";
    public string NameBg { get; set; } = "Глас";
    public string NameEn { get; set; } = "Glas";
}

public static class DefaultTenant
{
    /// <summary>A fresh installation answers with one default tenant until administrators add theirs.</summary>
    public static async Task EnsureAsync(IServiceProvider services, DefaultTenantOptions options, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        if (await db.Tenants.AnyAsync(ct))
        {
            return;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Tenants.Add(new Tenant
        {
            Id = Guid.CreateVersion7(now),
            Slug = options.Slug,
            NameBg = options.NameBg,
            NameEn = options.NameEn,
            Kind = TenantKind.Municipality,
            IsDefault = true,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
