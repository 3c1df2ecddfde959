using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Admin.Tenants;

/// <summary>Every administration of the installation; only its administrators see this list.</summary>
[Authorize(Policy = Policies.InstallationAdministrator)]
public sealed class IndexModel(TenantDirectory directory) : PageModel
{
    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync() => Tenants = await directory.AllAsync(HttpContext.RequestAborted);
}
