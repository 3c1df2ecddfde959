using System.Globalization;
using System.Text;
using System.Xml;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Web;

/// <summary>What crawlers and browsers ask every site for: robots.txt, a sitemap per administration, the favicon.</summary>
public static class SiteFiles
{
    /// <summary>The most pages of public items one sitemap lists (the protocol allows 50,000).</summary>
    public const int SitemapItems = 10_000;

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Personal and staff pages that search engines have no use for (under the default host and under /t/{slug}).</summary>
    private static readonly string[] Private = ["/account/", "/admin", "/moderation", "/unsubscribe/"];

    public static IEndpointRouteBuilder MapSiteFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/robots.txt", GetAndHead, async (TenantDirectory tenants, PublicAddress addresses, CancellationToken ct) =>
        {
            var text = new StringBuilder("User-agent: *\n");
            foreach (var path in Private)
            {
                text.Append("Disallow: ").Append(path).Append('\n');
                text.Append("Disallow: /t/*").Append(path).Append('\n');
            }
            text.Append('\n');
            foreach (var tenant in (await tenants.AllAsync(ct)).OrderBy(t => t.IsDefault ? 0 : 1).ThenBy(t => t.Slug, StringComparer.Ordinal))
            {
                text.Append("Sitemap: ").Append(addresses.Absolute(tenant, "/sitemap.xml")).Append('\n');
            }
            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapMethods("/sitemap.xml", GetAndHead, async (HttpContext context, ModuleCatalog catalog, PublicAddress addresses, CancellationToken ct) =>
        {
            var tenant = context.CurrentTenant();
            var items = await catalog.NewestAsync(context.RequestServices, tenant, SitemapItems, ct);
            var updated = AtomFeed.Updated(items, tenant.CreatedAt);
            var pages = new List<(string Path, DateTimeOffset? Modified)> { ("/", updated) };
            pages.AddRange(catalog.All.SelectMany(m => m.Navigation).Where(e => e is { MinimumRole: null, SignedInOnly: false }).Select(e => (e.Path, (DateTimeOffset?)null)));
            pages.AddRange(new[] { "/rules", "/accessibility", "/privacy" }.Select(p => (p, (DateTimeOffset?)null)));
            pages.AddRange(items.Select(i => (i.Path, (DateTimeOffset?)i.Updated)));
            var xml = Sitemap(pages.DistinctBy(p => p.Path).Select(p => (addresses.Absolute(tenant, p.Path), p.Modified)));
            return ConditionalGet.Text(context, xml, "application/xml; charset=utf-8", updated);
        }).ExcludeFromDescription();

        // Browsers ask for /favicon.ico by themselves; the icon is an SVG.
        app.MapMethods("/favicon.ico", GetAndHead, (HttpContext context) => Results.Redirect(context.Request.PathBase + "/favicon.svg", permanent: true))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A sitemap (sitemaps.org 0.9) of absolute addresses with their last change where known.</summary>
    public static string Sitemap(IEnumerable<(string Url, DateTimeOffset? Modified)> pages)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
        {
            w.WriteStartElement("urlset", ns);
            foreach (var (url, modified) in pages)
            {
                w.WriteStartElement("url", ns);
                w.WriteElementString("loc", ns, url);
                if (modified is { } m)
                {
                    w.WriteElementString("lastmod", ns, m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
