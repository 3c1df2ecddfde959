using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Notifications;

/// <summary>Writes a notice for every follower of the item and e-mails those who want it at once; the daily digest takes the others.</summary>
public sealed class NotificationFanoutJob(IServiceScopeFactory scopes, TimeProvider time, JobSignal signal) : IJobHandler
{
    public string Kind => Notifier.JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var e = Notifier.Read(payload);
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GlasDbContext>();
        var tenant = (await services.GetRequiredService<TenantDirectory>().AllAsync(ct)).FirstOrDefault(t => t.Id == e.TenantId);
        if (tenant is null)
        {
            return;
        }
        var followers = await db.Follows.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.SubjectKind == e.SubjectKind && f.SubjectId == e.SubjectId && f.UserId != e.ActorId)
            .Join(db.Users.Where(u => u.DeletedAt == null), f => f.UserId, u => u.Id, (f, u) => new
            {
                u.Id,
                u.Email,
                u.EmailConfirmed,
                Choice = db.NotificationSettings.Where(s => s.UserId == u.Id).Select(s => (EmailChoice?)s.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (followers.Count == 0)
        {
            return;
        }
        var mails = services.GetRequiredService<NotificationMails>();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var now = time.GetUtcNow();
        foreach (var f in followers)
        {
            var notice = new Notification
            {
                Id = Guid.CreateVersion7(now), UserId = f.Id, TenantId = e.TenantId, SubjectKind = e.SubjectKind, SubjectId = e.SubjectId,
                Kind = e.Kind, Title = e.Title, Path = e.Path, CreatedAt = now,
            };
            var canMail = f.EmailConfirmed && !string.IsNullOrEmpty(f.Email);
            // Those who take the digest get it from the daily DigestJob; "None" gets the notice in the app only.
            if ((f.Choice ?? EmailChoice.Immediately) == EmailChoice.Immediately && canMail)
            {
                outbox.Queue(mails.Immediate(f.Email!, f.Id, tenant, e));
                notice.EmailedAt = now;
            }
            db.Notifications.Add(notice);
        }
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}

/// <summary>
/// Every day at 08:00 Sofia time (a recurring job), sends each person who takes the daily digest one
/// e-mail with the notices not yet e-mailed. The notices are claimed with one guarded
/// UPDATE … RETURNING, so with several instances each goes out once.
/// </summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider time) : IRecurringJob
{
    public const string JobKind = "notifications.digest";

    public string Kind => JobKind;

    public DateTimeOffset NextRun(DateTimeOffset now) => DigestRules.NextDigestAt(now);

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GlasDbContext>();
        var now = time.GetUtcNow();
        var since = now - DigestRules.Window;
        var daily = nameof(EmailChoice.DailyDigest);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var items = await db.Database.SqlQuery<DigestItem>($"""
            UPDATE "Notifications" AS n SET "EmailedAt" = {now}
            FROM "NotificationSettings" AS s, "AspNetUsers" AS u
            WHERE s."UserId" = n."UserId" AND u."Id" = n."UserId" AND s."Email" = {daily}
              AND u."DeletedAt" IS NULL AND u."EmailConfirmed" AND u."Email" IS NOT NULL
              AND n."EmailedAt" IS NULL AND n."CreatedAt" >= {since} AND n."CreatedAt" <= {now}
            RETURNING n."UserId", u."Email", n."TenantId", n."SubjectKind", n."SubjectId", n."Kind", n."Title", n."Path", n."CreatedAt"
            """).ToListAsync(ct);
        if (items.Count > 0)
        {
            var tenants = await services.GetRequiredService<TenantDirectory>().AllAsync(ct);
            var mails = services.GetRequiredService<NotificationMails>();
            var outbox = services.GetRequiredService<EmailOutbox>();
            foreach (var digest in DigestRules.Group(items))
            {
                outbox.Queue(mails.Digest(digest, tenants));
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>The notification e-mails: Bulgarian first, English below, an unsubscribe link in the text and in the RFC 8058 headers.</summary>
public sealed class NotificationMails(PublicAddress addresses, UnsubscribeTokens tokens, IStringLocalizer<NotificationsText> t)
{
    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo(Cultures.Bulgarian);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo(Cultures.English);

    public EmailMessage Immediate(string to, Guid userId, Tenant tenant, NotificationEvent e)
    {
        var link = addresses.Absolute(tenant, e.Path);
        var unsubscribe = addresses.Absolute(tenant, "/unsubscribe/" + tokens.Create(userId, e.SubjectKind, e.SubjectId));
        var footer = "\n\n" + Text(Bg, "Mail.Footer", unsubscribe) + "\n" + Text(En, "Mail.Footer", unsubscribe);
        if (e.Mail is { } own)
        {
            return new EmailMessage(to, own.Subject, own.Body + footer, unsubscribe);
        }
        var body = Text(Bg, "Mail.Line", Label(Bg, e.Kind), e.Title) + "\n" + link + "\n\n" + Text(En, "Mail.Line", Label(En, e.Kind), e.Title) + footer;
        return new EmailMessage(to, $"{Label(Bg, e.Kind)}: {e.Title}", body, unsubscribe);
    }

    public EmailMessage Digest(DigestMail digest, IReadOnlyList<Tenant> tenants)
    {
        var home = tenants.FirstOrDefault(x => x.Id == digest.Subjects[0].TenantId) ?? tenants[0];
        var unsubscribe = addresses.Absolute(home, "/unsubscribe/" + tokens.Create(digest.UserId, null));
        var body = new System.Text.StringBuilder();
        body.Append(Text(Bg, "Digest.Intro")).Append('\n').Append(Text(En, "Digest.Intro")).Append("\n\n");
        foreach (var s in digest.Subjects)
        {
            var tenant = tenants.FirstOrDefault(x => x.Id == s.TenantId) ?? home;
            body.Append('„').Append(s.Title).Append("“\n").Append(addresses.Absolute(tenant, s.Items[^1].Path)).Append('\n');
            foreach (var item in s.Items)
            {
                body.Append("– ").Append(Formats.DateTime(item.CreatedAt, Bg)).Append(": ").Append(Label(Bg, item.Kind)).Append(" / ").Append(Label(En, item.Kind)).Append('\n');
            }
            body.Append(Text(Bg, "Digest.StopOne")).Append(" / ").Append(Text(En, "Digest.StopOne")).Append(": ")
                .Append(addresses.Absolute(tenant, "/unsubscribe/" + tokens.Create(digest.UserId, s.SubjectKind, s.SubjectId))).Append("\n\n");
        }
        body.Append(Text(Bg, "Digest.Footer", unsubscribe)).Append('\n').Append(Text(En, "Digest.Footer", unsubscribe));
        return new EmailMessage(digest.Email, Text(Bg, "Digest.Subject", digest.Subjects.Sum(s => s.Items.Count)), body.ToString(), unsubscribe);
    }

    /// <summary>The name of a kind of notice; a kind without its own text gets the general one.</summary>
    public string Label(CultureInfo culture, string kind) =>
        In(culture, () => t["Kind." + kind] is { ResourceNotFound: false } s ? s.Value : t["Kind.Other"].Value);

    private string Text(CultureInfo culture, string key, params object[] args) => In(culture, () => t[key, args].Value);

    private static string In(CultureInfo culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
