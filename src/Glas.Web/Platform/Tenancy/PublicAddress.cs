using Microsoft.Extensions.Options;

namespace Glas.Web.Platform.Tenancy;

/// <summary>The installation's own addresses, from configuration (section <c>Glas</c>).</summary>
public sealed class InstallationOptions
{
    /// <summary>The installation's public address; e-mails link here for administrations without a host name of their own.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Further host names the installation answers on (its default administration, and every administration under /t/{slug}).</summary>
    public string[] Hosts { get; set; } = [];

    /// <summary>Serve a request for a host that nobody claims with the default administration instead of refusing it with 400.</summary>
    public bool UnknownHostsToDefaultTenant { get; set; }

    /// <summary>E-mail addresses of the installation's administrators: only they change an administration's host names.</summary>
    public string[] InstallationAdministrators { get; set; } = [];
}

/// <summary>
/// Absolute addresses for e-mails and feeds. They are built from configuration and the
/// administration's registered host names, never from the request, so a forged Host or
/// X-Forwarded-Host header cannot redirect a reset link to someone else's server.
/// </summary>
public sealed class PublicAddress
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public PublicAddress(IOptions<InstallationOptions> options)
    {
        var o = options.Value;
        if (!Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("Glas:PublicBaseUrl must be an absolute http(s) address.");
        }
        BaseUrl = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        InstallationHosts = o.Hosts.Select(TenantResolver.NormaliseHost).Append(TenantResolver.NormaliseHost(baseUri.Host)).Concat(Loopback)
            .Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
        UnknownHostsToDefaultTenant = o.UnknownHostsToDefaultTenant;
        administrators = o.InstallationAdministrators.Select(e => e.Trim()).Where(e => e.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private readonly HashSet<string> administrators;

    /// <summary>The installation's public address without a trailing slash, e.g. https://glas.example.bg.</summary>
    public string BaseUrl { get; }

    /// <summary>Host names that belong to the installation itself (normalised); no administration may register them.</summary>
    public IReadOnlySet<string> InstallationHosts { get; }

    public bool UnknownHostsToDefaultTenant { get; }

    public bool IsInstallationAdministrator(string? email) => email is not null && administrators.Contains(email.Trim());

    /// <summary>
    /// The address of an administration: https on its first registered public host name;
    /// otherwise the installation's address, with /t/{slug} unless it is the default administration.
    /// </summary>
    public string TenantBaseUrl(Tenant tenant)
    {
        var own = tenant.Hosts.Select(h => h.Name).FirstOrDefault(h => !IsLocal(h));
        if (own is not null)
        {
            return "https://" + own;
        }
        return tenant.IsDefault ? BaseUrl : $"{BaseUrl}{TenantResolver.PathPrefix}{tenant.Slug}";
    }

    public string Absolute(Tenant tenant, string path) => TenantBaseUrl(tenant) + (path.StartsWith('/') ? path : "/" + path);

    private static bool IsLocal(string host) =>
        host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || Loopback.Contains(host);
}
