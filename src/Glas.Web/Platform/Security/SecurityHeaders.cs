using System.Xml.Linq;
using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;

namespace Glas.Web.Platform.Security;

public static class SecurityExtensions
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Behind a proxy the operator names it; by default only loopback proxies are trusted.
            foreach (var proxy in configuration.GetSection("Glas:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddDataProtection().SetApplicationName("Glas");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "glas.af";
            o.Cookie.Path = "/";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
}

/// <summary>Stores Data Protection keys in PostgreSQL.</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
