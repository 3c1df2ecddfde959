namespace Glas.Web.Platform.Tenancy;

/// <summary>
/// Resolves the tenant before routing. A <c>/t/{slug}</c> prefix moves into PathBase, so every
/// link the app generates stays inside that tenant.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next)
{
    private static readonly string[] Untenanted = ["/healthz", "/readyz", "/openapi"];

    public async Task InvokeAsync(HttpContext context, TenantDirectory directory, TenantContext tenantContext)
    {
        var path = context.Request.Path.Value ?? "/";
        if (Untenanted.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var tenants = await directory.AllAsync(context.RequestAborted);
        var routes = tenants.Select(t => new TenantRoute(t.Id, t.Slug, t.Hosts, t.IsDefault)).ToList();
        var resolution = TenantResolver.Resolve(routes, context.Request.Host.Host, path);
        if (resolution.Tenant is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (path.Contains("/api/", StringComparison.OrdinalIgnoreCase))
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
