using System.Globalization;

namespace Glas.Web.Platform.Tenancy;

/// <summary>The slice of a tenant that resolution needs, so the rule is testable without a database.</summary>
public sealed record TenantRoute(Guid Id, string Slug, IReadOnlyList<string> Hosts, bool IsDefault);

public enum TenantMiss
{
    None,
    UnknownSlug,
    UnknownHost,
}

public readonly record struct TenantResolution(TenantRoute? Tenant, string PathBase, string Path, TenantMiss Miss)
{
    public static TenantResolution NotFound(string path, TenantMiss miss) => new(null, "", path, miss);
}

/// <summary>
/// Finds the tenant of a request. The host must be claimed: by a tenant (its host names) or by
/// the installation (its configured names). On the installation's names a path prefix
/// <c>/t/{slug}</c> selects a tenant, otherwise the default tenant answers. A host nobody claims
/// is refused, unless the installation explicitly sends such hosts to the default tenant.
/// </summary>
public static class TenantResolver
{
    public const string PathPrefix = "/t/";

    private static readonly IdnMapping Idn = new();

    public static TenantResolution Resolve(IReadOnlyList<TenantRoute> tenants, IReadOnlySet<string> installationHosts, bool unknownHostsToDefault, string host, string path)
    {
        var hostName = NormaliseHost(host);
        var byHost = tenants.FirstOrDefault(t => t.Hosts.Contains(hostName, StringComparer.Ordinal));
        if (byHost is null && !installationHosts.Contains(hostName) && !unknownHostsToDefault)
        {
            return TenantResolution.NotFound(path, TenantMiss.UnknownHost);
        }

        if (path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[PathPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var slug = slash < 0 ? rest : rest[..slash];
            var remainder = slash < 0 ? "/" : rest[slash..];
            var bySlug = tenants.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));
            return bySlug is null
                ? TenantResolution.NotFound(path, TenantMiss.UnknownSlug)
                : new TenantResolution(bySlug, PathPrefix + bySlug.Slug, remainder, TenantMiss.None);
        }

        var tenant = byHost ?? tenants.FirstOrDefault(t => t.IsDefault) ?? (tenants.Count > 0 ? tenants[0] : null);
        return tenant is null ? TenantResolution.NotFound(path, TenantMiss.UnknownHost) : new TenantResolution(tenant, "", path, TenantMiss.None);
    }

    /// <summary>
    /// Lower case, without port or trailing dot, internationalised names in their ASCII (punycode)
    /// form, so "Глас.Сливен.бг" and "xn--80ajq.xn--b1aebjpf.xn--90ae" are one name.
    /// </summary>
    public static string NormaliseHost(string host)
    {
        var h = host.Trim().ToLowerInvariant();
        if (h.StartsWith('['))
        {
            var end = h.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? h[..(end + 1)] : h;
        }
        var colon = h.IndexOf(':', StringComparison.Ordinal);
        h = (colon < 0 ? h : h[..colon]).TrimEnd('.');
        if (h.Any(c => c > 0x7F))
        {
            try
            {
                h = Idn.GetAscii(h);
            }
            catch (ArgumentException)
            {
                // Not a valid internationalised name; left as is, so it matches nothing and fails validation.
            }
        }
        return h;
    }

    /// <summary>A host name a tenant may register: a DNS name of letters, digits and dashes, at most 253 characters.</summary>
    public static bool IsValidHostName(string host) =>
        host.Length is > 0 and <= 253 && Uri.CheckHostName(host) == UriHostNameType.Dns
        && host.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && label[0] != '-' && label[^1] != '-');

    /// <summary>A slug is lower-case Latin letters, digits and dashes, 2–40 characters.</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: >= 2 and <= 40 } && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-';
}
