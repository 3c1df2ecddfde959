namespace Glas.Web.Platform.Tenancy;

/// <summary>The slice of a tenant that resolution needs, so the rule is testable without a database.</summary>
public sealed record TenantRoute(Guid Id, string Slug, IReadOnlyList<string> Hosts, bool IsDefault);

public readonly record struct TenantResolution(TenantRoute? Tenant, string PathBase, string Path, bool UnknownSlug)
{
    public static TenantResolution NotFound(string path) => new(null, "", path, true);
}

/// <summary>
/// Finds the tenant of a request: a path prefix <c>/t/{slug}</c> wins, then the host name,
/// then the default tenant. An unknown slug is not found; an unknown host is the default tenant.
/// </summary>
public static class TenantResolver
{
    public const string PathPrefix = "/t/";

    public static TenantResolution Resolve(IReadOnlyList<TenantRoute> tenants, string host, string path)
    {
        if (path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[PathPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var slug = slash < 0 ? rest : rest[..slash];
            var remainder = slash < 0 ? "/" : rest[slash..];
            var bySlug = tenants.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));
            return bySlug is null
                ? TenantResolution.NotFound(path)
                : new TenantResolution(bySlug, PathPrefix + bySlug.Slug, remainder, false);
        }

        var hostName = NormaliseHost(host);
        var byHost = tenants.FirstOrDefault(t => t.Hosts.Any(h => string.Equals(h, hostName, StringComparison.OrdinalIgnoreCase)));
        var tenant = byHost ?? tenants.FirstOrDefault(t => t.IsDefault) ?? (tenants.Count > 0 ? tenants[0] : null);
        return new TenantResolution(tenant, "", path, false);
    }

    public static string NormaliseHost(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (h.StartsWith('['))
        {
            var end = h.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? h[..(end + 1)] : h;
        }
        var colon = h.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? h : h[..colon];
    }

    /// <summary>A slug is lower-case Latin letters, digits and dashes, 2–40 characters.</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: >= 2 and <= 40 } && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-';
}
