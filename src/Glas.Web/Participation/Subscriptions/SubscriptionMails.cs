using System.Globalization;
using System.Text;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>
/// The subscription e-mails, Bulgarian first and English below: the confirmation of a request, an
/// item at once, and the weekly digest. Every e-mail about items carries the one-click unsubscribe
/// link in its text and in the RFC 8058 headers.
/// </summary>
public sealed class SubscriptionMails(PublicAddress addresses, SubscriptionTokens tokens, IStringLocalizer<SubscriptionsText> t)
{
    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo(Cultures.Bulgarian);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo(Cultures.English);

    public EmailMessage Confirm(SubscriptionRequest request, Tenant tenant)
    {
        var link = addresses.Absolute(tenant, "/subscriptions/confirm/" + tokens.Confirmation(request));
        var body = new StringBuilder()
            .Append(Text(Bg, "Mail.Confirm.Body", tenant.NameBg)).Append('\n').Append(link).Append("\n\n")
            .Append(Text(Bg, "Mail.Confirm.Ignore")).Append("\n\n")
            .Append(Text(En, "Mail.Confirm.Body", tenant.NameEn)).Append('\n').Append(link).Append("\n\n")
            .Append(Text(En, "Mail.Confirm.Ignore"));
        return new EmailMessage(request.Email, Text(Bg, "Mail.Confirm.Subject", tenant.NameBg), body.ToString());
    }

    public EmailMessage Immediate(string to, Guid subscriptionId, Tenant tenant, AnnouncedItem item)
    {
        var unsubscribe = Unsubscribe(tenant, subscriptionId);
        var body = new StringBuilder()
            .Append(Text(Bg, "Kind." + item.Module)).Append(": ").Append(item.Title).Append('\n');
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            body.Append(item.Summary).Append('\n');
        }
        body.Append(addresses.Absolute(tenant, item.Path)).Append("\n\n")
            .Append(Text(En, "Kind." + item.Module)).Append(": ").Append(item.Title).Append("\n\n")
            .Append(Footer(unsubscribe));
        return new EmailMessage(to, $"{Text(Bg, "Kind." + item.Module)}: {item.Title}", body.ToString(), unsubscribe);
    }

    public EmailMessage Digest(string to, Guid subscriptionId, Tenant tenant, IReadOnlyList<AnnouncedItem> items)
    {
        var unsubscribe = Unsubscribe(tenant, subscriptionId);
        var body = new StringBuilder()
            .Append(Text(Bg, "Mail.Digest.Intro", tenant.NameBg)).Append('\n').Append(Text(En, "Mail.Digest.Intro", tenant.NameEn)).Append("\n\n");
        foreach (var group in items.GroupBy(i => i.Module).OrderBy(g => SubscriptionRules.Kinds.ToList().IndexOf(g.Key)))
        {
            body.Append(Text(Bg, "Kind." + group.Key)).Append(" / ").Append(Text(En, "Kind." + group.Key)).Append('\n');
            foreach (var item in group)
            {
                body.Append("– ").Append(item.Title).Append(" (").Append(Formats.Date(item.PublishedAt, Bg)).Append(")\n  ")
                    .Append(addresses.Absolute(tenant, item.Path)).Append('\n');
            }
            body.Append('\n');
        }
        body.Append(Footer(unsubscribe));
        return new EmailMessage(to, Text(Bg, "Mail.Digest.Subject", items.Count, tenant.NameBg), body.ToString(), unsubscribe);
    }

    private string Unsubscribe(Tenant tenant, Guid subscriptionId) => addresses.Absolute(tenant, "/subscriptions/unsubscribe/" + tokens.Unsubscribe(subscriptionId));

    private string Footer(string unsubscribe) => Text(Bg, "Mail.Footer", unsubscribe) + "\n" + Text(En, "Mail.Footer", unsubscribe);

    /// <summary>The texts read once per culture: a digest run writes thousands of e-mails with the same ones.</summary>
    private readonly Dictionary<(string Culture, string Key), string> texts = [];

    private string Text(CultureInfo culture, string key, params object[] args)
    {
        if (!texts.TryGetValue((culture.Name, key), out var format))
        {
            var before = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = culture;
                format = t[key].Value;
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
            texts[(culture.Name, key)] = format;
        }
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }
}
