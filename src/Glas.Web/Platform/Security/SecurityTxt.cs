using System.Globalization;
using System.Net.Mail;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Security;

/// <summary>RFC 9116: where to report a vulnerability in this installation.</summary>
public static class SecurityTxt
{
    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/security.txt", (IConfiguration configuration, PublicAddress addresses, TimeProvider time) =>
        {
            var contact = configuration["Glas:SecurityContact"];
            if (string.IsNullOrWhiteSpace(contact))
            {
                // Without a dedicated contact, the installation's own sender address.
                contact = MailAddress.TryCreate(configuration["Glas:Email:From"] ?? "", out var from) ? "mailto:" + from.Address : null;
            }
            if (contact is null)
            {
                return Results.NotFound();
            }
            var expires = time.GetUtcNow().AddDays(180).UtcDateTime.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
            var text = $"""
                Contact: {contact}
                Expires: {expires}
                Preferred-Languages: bg, en
                Canonical: {addresses.BaseUrl}/.well-known/security.txt

                """;
            return Results.Text(text, "text/plain; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
