using System.Reflection;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Modules;

/// <summary>The declared modules of this build, found once in the assembly, in their order.</summary>
public sealed class ModuleCatalog(IReadOnlyList<GlasModule> modules)
{
    public IReadOnlyList<GlasModule> All { get; } = modules;

    /// <summary>The modules of this build (found once).</summary>
    public static ModuleCatalog Declared => declared.Value;

    private static readonly Lazy<ModuleCatalog> declared = new(() => Discover(typeof(GlasModule).Assembly));

    public static ModuleCatalog Discover(Assembly assembly) =>
        new(assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(GlasModule).IsAssignableFrom(t))
            .Select(t => (GlasModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order).ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList());

    /// <summary>The navigation entries a viewer with <paramref name="role"/> sees.</summary>
    public IEnumerable<NavEntry> NavigationFor(bool signedIn, TenantRole? role) =>
        All.SelectMany(m => m.Navigation).Where(e => Visible(e, signedIn, role));

    public IEnumerable<NavEntry> StaffLinksFor(bool signedIn, TenantRole? role) =>
        All.SelectMany(m => m.StaffLinks).Where(e => Visible(e, signedIn, role));

    /// <summary>The modules with a feed for the administration, with its title.</summary>
    public IEnumerable<(GlasModule Module, string Title)> Feeds(IServiceProvider services, Tenant tenant) =>
        All.Select(m => (Module: m, Title: m.FeedTitle(services, tenant))).Where(f => f.Title is not null).Select(f => (f.Module, f.Title!));

    /// <summary>The newest public items of all modules with a feed, newest first: the combined feed and the sitemap.</summary>
    public async Task<List<FeedItem>> NewestAsync(IServiceProvider services, Tenant tenant, int max, CancellationToken ct)
    {
        var items = new List<FeedItem>();
        foreach (var (module, _) in Feeds(services, tenant))
        {
            items.AddRange(await module.FeedItemsAsync(services, max, ct));
        }
        return items.OrderByDescending(i => i.Updated).ThenBy(i => i.Id).Take(max).ToList();
    }

    private static bool Visible(NavEntry e, bool signedIn, TenantRole? role) =>
        (!e.SignedInOnly || signedIn) && (e.MinimumRole is not { } min || (role is { } r && RoleRules.Satisfies(r, min)));
}

public static class ModuleExtensions
{
    /// <summary>Registers every declared module's services, and the catalogue itself.</summary>
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration)
    {
        var catalog = ModuleCatalog.Declared;
        services.AddSingleton(catalog);
        foreach (var module in catalog.All)
        {
            module.AddServices(services, configuration);
        }
        return services;
    }

    /// <summary>Every module's endpoints, its Atom feed at /{key}/feed.atom, and the combined feed of all at /feed.atom.</summary>
    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        var catalog = app.ServiceProvider.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.All)
        {
            module.MapEndpoints(app);
            app.MapMethods($"/{module.Key}/feed.atom", GetAndHead, async (HttpContext context, PublicAddress addresses, CancellationToken ct) =>
            {
                var tenant = context.CurrentTenant();
                if (module.FeedTitle(context.RequestServices, tenant) is not { } title)
                {
                    return Results.NotFound();
                }
                var items = await module.FeedItemsAsync(context.RequestServices, FeedSize, ct);
                var xml = AtomFeed.Write(AtomFeed.FeedId(tenant.Id, module.Key), title, tenant.NameBg, addresses.TenantBaseUrl(tenant), "/" + module.Key, items, tenant.CreatedAt);
                return ConditionalGet.Text(context, xml, AtomFeed.ContentType, AtomFeed.Updated(items, tenant.CreatedAt));
            }).ExcludeFromDescription();
        }
        app.MapMethods("/feed.atom", GetAndHead, async (HttpContext context, PublicAddress addresses, CancellationToken ct) =>
        {
            var tenant = context.CurrentTenant();
            var newest = await catalog.NewestAsync(context.RequestServices, tenant, FeedSize, ct);
            var xml = AtomFeed.Write(AtomFeed.FeedId(tenant.Id, "all"), $"{tenant.NameBg} — Глас", tenant.NameBg, addresses.TenantBaseUrl(tenant), "/", newest, tenant.CreatedAt, "/feed.atom");
            return ConditionalGet.Text(context, xml, AtomFeed.ContentType, AtomFeed.Updated(newest, tenant.CreatedAt));
        }).ExcludeFromDescription();
        return app;
    }

    private const int FeedSize = 50;

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
}
