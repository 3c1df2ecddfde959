using System.Xml.Linq;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
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
            // Only the proxies the operator names are trusted; not even loopback by default.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in KnownProxies(configuration))
            {
                o.KnownProxies.Add(proxy);
            }
        });
        var requireHttps = configuration.GetValue<bool>("Glas:Web:RequireHttps");
        services.Configure<CookiePolicyOptions>(o =>
        {
            // Where HTTPS is required, no cookie of Glas ever travels over plain HTTP.
            o.Secure = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.None;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
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

    private static System.Net.IPAddress[] KnownProxies(IConfiguration configuration) =>
        (configuration.GetSection("Glas:KnownProxies").Get<string[]>() ?? []).Select(System.Net.IPAddress.Parse).ToArray();

    /// <summary>
    /// X-Forwarded-* headers count only when they come from a configured proxy. With none
    /// configured the middleware is not used at all: with empty lists it would trust everyone.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration) =>
        KnownProxies(configuration).Length > 0 ? app.UseForwardedHeaders() : app;

    /// <summary>
    /// An API write that rides on the sign-in cookie must come from a page of this installation:
    /// its Origin (or, without one, its Referer) must name one of the tenant's or the installation's
    /// host names. Programs without a browser send neither and are judged by their credentials alone.
    /// </summary>
    public static IApplicationBuilder UseSameOriginApiWrites(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.IsApi() || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
                || !request.Cookies.Keys.Any(k => k.StartsWith(AuthCookie, StringComparison.Ordinal)))
            {
                await next(context);
                return;
            }
            var source = request.Headers.Origin.FirstOrDefault() ?? request.Headers.Referer.FirstOrDefault();
            if (source is not null && !IsOwnHost(context, source))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(statusCode: 403, title: "Cross-site request refused",
                        detail: "Заявката идва от чужд сайт и не е изпълнена. / The request comes from another site and was not carried out.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    public const string AuthCookie = "glas.auth";

    public static bool IsOwnHost(HttpContext context, string source)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false; // "null" and anything else that is not a web address
        }
        var host = TenantResolver.NormaliseHost(uri.Host);
        var addresses = context.RequestServices.GetRequiredService<PublicAddress>();
        var tenant = context.RequestServices.GetRequiredService<TenantContext>().Tenant;
        return addresses.InstallationHosts.Contains(host) || (tenant?.Hosts.Any(h => h.Name == host) ?? false);
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
