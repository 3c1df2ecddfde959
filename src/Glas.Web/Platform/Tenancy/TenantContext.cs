namespace Glas.Web.Platform.Tenancy;

/// <summary>The tenant of the current request (scoped). Null outside a request, e.g. in background jobs.</summary>
public sealed class TenantContext
{
    public Tenant? Tenant { get; set; }

    public Guid? TenantId => Tenant?.Id;

    public Tenant Required => Tenant ?? throw new InvalidOperationException("No tenant for this request.");
}
