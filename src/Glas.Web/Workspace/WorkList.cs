using System.Security.Claims;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Microsoft.Extensions.Caching.Memory;

namespace Glas.Web.Workspace;

/// <summary>
/// „Моята работа“: every module's tasks for a staff member of the current administration, and the
/// number of them for the header. The number is kept for a minute per person and administration
/// (and refreshed whenever the workspace itself is opened), so the header costs no query on most pages.
/// </summary>
public static class WorkList
{
    public static readonly TimeSpan CountLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The person's work context in the current administration; null unless they are its staff (moderator, official, administrator).</summary>
    public static async Task<WorkContext?> ContextAsync(ClaimsPrincipal user, TenantRoles roles, TimeProvider time) =>
        user.UserId() is { } id && await roles.CurrentRoleAsync(user) is { } role && RoleRules.IsStaffRole(role)
            ? new WorkContext(id, role, time.GetUtcNow())
            : null;

    /// <summary>Every module's groups with work in them, in the modules' order (one module after another on the request's database context).</summary>
    public static async Task<List<WorkGroup>> LoadAsync(ModuleCatalog modules, IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        var groups = new List<WorkGroup>();
        foreach (var module in modules.All)
        {
            groups.AddRange((await module.WorkTasksAsync(services, who, ct)).Where(g => g.Total > 0));
        }
        return groups;
    }

    /// <summary>The number the header shows: all tasks of the groups of work waiting (not the shortcuts).</summary>
    public static int Count(IEnumerable<WorkGroup> groups) => groups.Where(g => g.Counted).Sum(g => g.Total);

    public static void Remember(IMemoryCache cache, Guid tenantId, Guid userId, int count) =>
        cache.Set(Key(tenantId, userId), count, CountLifetime);

    /// <summary>The header's number: remembered, or counted now and remembered.</summary>
    public static async Task<int> CountAsync(IMemoryCache cache, Guid tenantId, ModuleCatalog modules, IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(tenantId, who.UserId), out int count))
        {
            return count;
        }
        count = Count(await LoadAsync(modules, services, who, ct));
        Remember(cache, tenantId, who.UserId, count);
        return count;
    }

    private static (string, Guid, Guid) Key(Guid tenantId, Guid userId) => ("work-count", tenantId, userId);
}
