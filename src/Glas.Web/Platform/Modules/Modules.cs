using System.Reflection;
using Glas.Web.Platform.Identity;

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

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in app.ServiceProvider.GetRequiredService<ModuleCatalog>().All)
        {
            module.MapEndpoints(app);
        }
        return app;
    }
}
