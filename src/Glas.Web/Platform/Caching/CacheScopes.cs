using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Glas.Web.Platform.Caching;

/// <summary>
/// The tags of the page cache. Every cached response carries four: everything, its administration,
/// its area in that administration (a module's key, or <see cref="CacheScope.Shared"/>) and that area
/// in every administration. A write evicts the areas its module declares
/// (<see cref="GlasModule.EvictsOnWrite"/>), in the administration it belongs to.
/// </summary>
public static class CacheScopes
{
    public const string All = "glas:all";

    public static string Tenant(Guid tenantId) => $"glas:t:{tenantId:N}";

    public static string Area(Guid tenantId, string area) => $"glas:t:{tenantId:N}:{area}";

    public static string AreaEverywhere(string area) => $"glas:a:{area}";

    private static readonly Lazy<IReadOnlyList<(string Namespace, GlasModule Module)>> Modules = new(() =>
        ModuleCatalog.Declared.All.Select(m => (m.GetType().Namespace!, m)).OrderByDescending(x => x.Item1.Length).ToList());

    /// <summary>The module a type (an entity, an endpoint's handler) belongs to by its namespace, or null.</summary>
    public static GlasModule? ModuleOf(Type type) => ModuleOf(type.Namespace ?? "");

    private static GlasModule? ModuleOf(string ns)
    {
        foreach (var (prefix, module) in Modules.Value)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return module;
            }
        }
        return null;
    }

    /// <summary>
    /// The area of an endpoint: the cache area of its module — a page's by its folder
    /// (/Consultations/Details → Glas.Web.Consultations), an API's by its handler's namespace — or the
    /// shared one for what belongs to no module (home, site files, the feeds).
    /// </summary>
    public static string AreaOf(Endpoint? endpoint)
    {
        var module = endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is { } page
            ? ModuleOf("Glas.Web." + (Path.GetDirectoryName(page.ViewEnginePath) ?? "").Trim('/', '\\').Replace('/', '.'))
            : endpoint?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.DeclaringType is { } type ? ModuleOf(type) : null;
        return module?.CacheArea ?? CacheScope.Shared;
    }

    /// <summary>The tags a response of <paramref name="area"/> in the administration carries.</summary>
    public static IEnumerable<string> TagsOf(Guid tenantId, string area) => [All, Tenant(tenantId), Area(tenantId, area), AreaEverywhere(area)];

    /// <summary>What a write of an entity of <paramref name="type"/> evicts, in <paramref name="tenantId"/> or, unknown, everywhere.</summary>
    public static IEnumerable<string> EvictedBy(Type type, Guid? tenantId)
    {
        if (type == typeof(Tenancy.Tenant) || type == typeof(TenantHost) || type == typeof(TenantLogo))
        {
            return [tenantId is { } t ? Tenant(t) : All];
        }
        if (ModuleOf(type) is not { } module)
        {
            return []; // the platform's own records (jobs, audit, keys, memberships) show on no public page
        }
        return module.EvictsOnWrite.SelectMany(area => area == CacheScope.Everything
            ? [tenantId is { } t ? Tenant(t) : All]
            : new[] { tenantId is { } id ? Area(id, area) : AreaEverywhere(area) });
    }

    /// <summary>
    /// What a tracked change evicts. A person's display name is shown beside what they wrote in every
    /// administration, so changing it (or erasing the account) evicts everything; their other details show nowhere.
    /// </summary>
    public static IEnumerable<string> EvictedBy(EntityEntry entry, Guid? currentTenant)
    {
        if (entry.Entity is GlasUser)
        {
            return entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted || entry.Property(nameof(GlasUser.DisplayName)).IsModified ? [All] : [];
        }
        var tenantId = (entry.Entity as ITenantOwned)?.TenantId ?? (entry.Entity as Tenancy.Tenant)?.Id ?? currentTenant;
        return EvictedBy(entry.Metadata.ClrType, tenantId is { } t && t != Guid.Empty ? t : null);
    }
}

/// <summary>Names of cache areas a module may declare besides module keys.</summary>
public static class CacheScope
{
    /// <summary>Pages that show every module's data: home, search, the combined feed, the sitemap, the participation index.</summary>
    public const string Shared = "shared";

    /// <summary>Every page of the administration (comments and documents appear on every module's pages).</summary>
    public const string Everything = "*";
}
