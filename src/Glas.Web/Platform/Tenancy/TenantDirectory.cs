using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Glas.Web.Platform.Tenancy;

/// <summary>All tenants, cached briefly: every request resolves one, and they change rarely.</summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "glas:tenants";

    public async Task<IReadOnlyList<Tenant>> AllAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyList<Tenant>? cached) && cached is not null)
        {
            return cached;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        try
        {
            var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).OrderBy(t => t.NameBg).ToListAsync(ct);
            cache.Set(CacheKey, (IReadOnlyList<Tenant>)tenants, TimeSpan.FromSeconds(30));
            last = tenants;
            return tenants;
        }
        catch (Exception ex) when (last is not null && Web.Unavailable.Is(ex))
        {
            // While the database is away, the administrations last read still name the pages (and the 503 page).
            return last;
        }
    }

    private IReadOnlyList<Tenant>? last;

    public void Invalidate() => cache.Remove(CacheKey);
}
