using System.Reflection;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Modules;

/// <summary>The declared modules of this build, found once in the assembly, in their order.</summary>
public sealed class ModuleCatalog(IReadOnlyList<GlasModule> modules)
{
    public IReadOnlyList<GlasModule> All { get; } = modules;

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

    private static bool Visible(NavEntry e, bool signedIn, TenantRole? role) =>
        (!e.SignedInOnly || signedIn) && (e.MinimumRole is not { } min || (role is { } r && RoleRules.Satisfies(r, min)));
}

public static class ModuleExtensions
{
    /// <summary>Registers every declared module's services, and the catalogue itself.</summary>
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration)
    {
        var catalog = ModuleCatalog.Discover(typeof(GlasModule).Assembly);
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
            app.MapGet($"/{module.Key}/feed.atom", async (HttpContext context, PublicAddress addresses, CancellationToken ct) =>
            {
                var tenant = context.CurrentTenant();
                if (module.FeedTitle(context.RequestServices, tenant) is not { } title)
                {
                    return Results.NotFound();
                }
                var items = await module.FeedItemsAsync(context.RequestServices, FeedSize, ct);
                return Results.Text(AtomFeed.Write(title, tenant.NameBg, addresses.TenantBaseUrl(tenant), "/" + module.Key, items, tenant.CreatedAt), AtomFeed.ContentType);
            }).ExcludeFromDescription();
        }
        app.MapGet("/feed.atom", async (HttpContext context, PublicAddress addresses, CancellationToken ct) =>
        {
            var tenant = context.CurrentTenant();
            var items = new List<FeedItem>();
            foreach (var module in catalog.All.Where(m => m.FeedTitle(context.RequestServices, tenant) is not null))
            {
                items.AddRange(await module.FeedItemsAsync(context.RequestServices, FeedSize, ct));
            }
            var newest = items.OrderByDescending(i => i.Updated).ThenBy(i => i.Id).Take(FeedSize).ToList();
            return Results.Text(AtomFeed.Write($"{tenant.NameBg} — Глас", tenant.NameBg, addresses.TenantBaseUrl(tenant), "/", newest, tenant.CreatedAt, "/feed.atom"), AtomFeed.ContentType);
        }).ExcludeFromDescription();
        return app;
    }

    private const int FeedSize = 50;
}
