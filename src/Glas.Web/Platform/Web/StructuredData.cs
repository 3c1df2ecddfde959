using System.Text.Json;
using System.Text.Json.Nodes;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Web;

/// <summary>schema.org descriptions (JSON-LD) of what Glas shows, for search engines and open-data harvesters.</summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    /// <summary>
    /// The administration as a GovernmentOrganization. Safe inside a script element: the default
    /// encoder writes &lt;, &gt; and &amp; as \u escapes.
    /// </summary>
    public static string Organisation(Tenant tenant, string url)
    {
        var o = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentOrganization",
            ["name"] = tenant.NameBg,
            ["alternateName"] = tenant.NameEn,
            ["url"] = url,
        };
        if (!string.IsNullOrWhiteSpace(tenant.ContactEmail))
        {
            o["email"] = tenant.ContactEmail;
        }
        if (!string.IsNullOrWhiteSpace(tenant.ContactPhone))
        {
            o["telephone"] = tenant.ContactPhone;
        }
        if (!string.IsNullOrWhiteSpace(tenant.Address))
        {
            o["address"] = new JsonObject { ["@type"] = "PostalAddress", ["streetAddress"] = tenant.Address, ["addressCountry"] = "BG" };
        }
        if (tenant.Members.Count > 0)
        {
            o["member"] = new JsonArray(tenant.Members.Select(m => (JsonNode)new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = m }).ToArray());
        }
        return o.ToJsonString(Options);
    }
}
