namespace Glas.Web.Platform.Tenancy;

public static class TenancyExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InstallationOptions>(configuration.GetSection("Glas"));
        services.AddSingleton<PublicAddress>();
        services.AddMemoryCache();
        services.AddSingleton<TenantDirectory>();
        services.AddScoped<TenantContext>();
        return services;
    }

    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) => app.UseMiddleware<TenantMiddleware>();

    public static Tenant CurrentTenant(this HttpContext context) =>
        context.RequestServices.GetRequiredService<TenantContext>().Required;
}
