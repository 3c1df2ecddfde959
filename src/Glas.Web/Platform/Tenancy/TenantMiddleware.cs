using Glas.Web.Platform.Web;

namespace Glas.Web.Platform.Tenancy;

/// <summary>
/// Resolves the tenant before routing. A <c>/t/{slug}</c> prefix moves into PathBase, so every
/// link the app generates stays inside that tenant. A request for a host that neither a tenant
/// nor the installation claims gets 400.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next, PublicAddress addresses)
{
    private static readonly string[] Untenanted = ["/healthz", "/readyz", "/openapi"];

    public async Task InvokeAsync(HttpContext context, TenantDirectory directory, TenantContext tenantContext)
    {
        // An error page re-executed for this request keeps the tenant it already has.
        if (tenantContext.Tenant is not null)
        {
            await next(context);
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        if (Untenanted.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var tenants = await directory.AllAsync(context.RequestAborted);
        var routes = tenants.Select(t => new TenantRoute(t.Id, t.Slug, t.Hosts.Select(h => h.Name).ToList(), t.IsDefault)).ToList();
        var resolution = TenantResolver.Resolve(routes, addresses.InstallationHosts, addresses.UnknownHostsToDefaultTenant, context.Request.Host.Host, path);
        if (resolution.Miss == TenantMiss.UnknownHost)
        {
            // Answered here, in plain words: no page of any administration belongs to a host nobody claims.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Results.Problem(statusCode: 400, title: "Unknown host", detail: "Този адрес не принадлежи на нито една администрация в Глас. / This address belongs to no administration on Glas.")
                .ExecuteAsync(context);
            return;
        }
        if (resolution.Tenant is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (context.Request.IsApi())
            {
                await Results.Problem(statusCode: 404, title: "Unknown tenant", detail: "Няма администрация с такъв адрес.")
                    .ExecuteAsync(context);
                return;
            }
            // Let the status-code page render a friendly 404.
            return;
        }

        tenantContext.Tenant = tenants.First(t => t.Id == resolution.Tenant.Id);
        if (resolution.PathBase.Length > 0)
        {
            context.Request.PathBase = context.Request.PathBase.Add(resolution.PathBase);
            context.Request.Path = resolution.Path;
        }
        await next(context);
    }
}
