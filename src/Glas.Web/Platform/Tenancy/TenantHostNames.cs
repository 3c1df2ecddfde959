using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Tenancy;

/// <summary>What is wrong with a list of host names for a tenant, with the names at fault.</summary>
public sealed record HostNamesProblem(string MessageKey, IReadOnlyList<string> Names);

/// <summary>The rules for a tenant's host names: valid DNS names, not reserved, not another tenant's.</summary>
public static class TenantHostNames
{
    /// <summary>One name per line (commas and spaces also separate), normalised, without duplicates.</summary>
    public static List<string> Parse(string? input) =>
        (input ?? "").Split(['\n', '\r', ',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(TenantResolver.NormaliseHost).Where(h => h.Length > 0).Distinct().ToList();

    /// <summary>
    /// Null when <paramref name="hosts"/> may belong to the tenant <paramref name="tenantId"/> (null for a new one).
    /// The installation's own names are reserved, and the default tenant's for every other tenant.
    /// </summary>
    public static async Task<HostNamesProblem?> CheckAsync(GlasDbContext db, PublicAddress addresses, IReadOnlyList<string> hosts, Guid? tenantId, bool isDefault, CancellationToken ct = default)
    {
        var invalid = hosts.Where(h => !TenantResolver.IsValidHostName(h)).ToList();
        if (invalid.Count > 0)
        {
            return new("Validation.Hosts", invalid);
        }
        if (hosts.Count == 0)
        {
            return null;
        }
        var reserved = hosts.Where(addresses.InstallationHosts.Contains).ToList();
        if (!isDefault)
        {
            reserved.AddRange(await db.TenantHosts
                .Where(h => hosts.Contains(h.Name) && db.Tenants.Any(t => t.Id == h.TenantId && t.IsDefault))
                .Select(h => h.Name).ToListAsync(ct));
        }
        if (reserved.Count > 0)
        {
            return new("Validation.HostReserved", reserved.Distinct().ToList());
        }
        var taken = await db.TenantHosts.Where(h => hosts.Contains(h.Name) && h.TenantId != tenantId).Select(h => h.Name).ToListAsync(ct);
        return taken.Count > 0 ? new("Validation.HostTaken", taken) : null;
    }

    /// <summary>Makes the tenant's names exactly <paramref name="hosts"/>, keeping rows that stay.</summary>
    public static void Apply(Tenant tenant, IReadOnlyList<string> hosts)
    {
        tenant.Hosts.RemoveAll(h => !hosts.Contains(h.Name));
        tenant.Hosts.AddRange(hosts.Where(h => tenant.Hosts.All(e => e.Name != h)).Select(h => new TenantHost { Name = h, TenantId = tenant.Id }));
    }

    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
