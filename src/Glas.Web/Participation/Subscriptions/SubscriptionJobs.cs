using System.Text.Json;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glas.Web.Participation.Subscriptions;

public sealed class SubscriptionOptions
{
    /// <summary>How often the modules' feeds are read for new public items.</summary>
    public TimeSpan AnnounceInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>The announcement of one new item to the subscribers who want it at once.</summary>
public sealed record AnnounceItemPayload(Guid ItemId);

/// <summary>
/// Every few minutes (a recurring job) reads each administration's newest public items of the
/// modules one subscribes to, through the module manifest (their feed items), and records the ones
/// not seen before, each once (a unique index). A scheduled news post becomes public when due and
/// is noticed on the next run. Each new item gets its own job to e-mail the immediate subscribers,
/// and is indexed for search again (it may have just become public).
/// </summary>
public sealed class AnnounceJob(IServiceScopeFactory scopes, TimeProvider time, JobSignal signal, IOptions<SubscriptionOptions> options) : IRecurringJob
{
    public const string JobKind = "subscriptions.announce";
    public const string FanoutKind = "subscriptions.fanout";
    private const int PerModule = 50;

    public string Kind => JobKind;

    public DateTimeOffset NextRun(DateTimeOffset now) => now + options.Value.AnnounceInterval;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        using var root = scopes.CreateScope();
        var tenants = await root.ServiceProvider.GetRequiredService<TenantDirectory>().AllAsync(ct);
        var modules = ModuleCatalog.Declared.All.Where(m => SubscriptionRules.Kinds.Contains(m.Key, StringComparer.Ordinal)).ToList();
        foreach (var tenant in tenants)
        {
            using var scope = scopes.CreateScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<TenantContext>().Tenant = tenant;
            var db = services.GetRequiredService<GlasDbContext>();
            var now = time.GetUtcNow();
            var since = now - SubscriptionRules.Lookback;
            var fresh = new List<FeedItem>();
            foreach (var module in modules.Where(m => m.FeedTitle(services, tenant) is not null))
            {
                fresh.AddRange((await module.FeedItemsAsync(services, PerModule, ct)).Where(i => i.Published <= now && i.Published >= since));
            }
            if (fresh.Count == 0)
            {
                continue;
            }
            var ids = fresh.Select(f => f.Id).Distinct().ToList();
            var known = (await db.AnnouncedItems.AsNoTracking().Where(a => ids.Contains(a.ItemId)).Select(a => new { a.Module, a.ItemId }).ToListAsync(ct))
                .Select(a => (a.Module, a.ItemId)).ToHashSet();
            var added = new List<AnnouncedItem>();
            foreach (var item in fresh.Where(f => !known.Contains((f.Module, f.Id))).DistinctBy(f => (f.Module, f.Id)))
            {
                var announced = new AnnouncedItem
                {
                    Id = Guid.CreateVersion7(now), TenantId = tenant.Id, Module = item.Module, ItemId = item.Id, Title = Cut(item.Title, 500)!,
                    Summary = Cut(item.Summary, 1000), Path = item.Path, Topics = [.. (item.Topics ?? []).Where(Topics.IsKnown)], PublishedAt = item.Published, AnnouncedAt = now,
                };
                // Two instances may notice the same item at once: the unique index lets one of them record it.
                var inserted = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AnnouncedItems" ("Id", "TenantId", "Module", "ItemId", "Title", "Summary", "Path", "Topics", "PublishedAt", "AnnouncedAt")
                    VALUES ({announced.Id}, {announced.TenantId}, {announced.Module}, {announced.ItemId}, {announced.Title}, {announced.Summary}, {announced.Path},
                            {announced.Topics.ToArray()}, {announced.PublishedAt}, {announced.AnnouncedAt})
                    ON CONFLICT ("TenantId", "Module", "ItemId") DO NOTHING
                    """, ct);
                if (inserted == 1)
                {
                    added.Add(announced);
                }
            }
            if (added.Count == 0)
            {
                continue;
            }
            foreach (var a in added)
            {
                db.EnqueueJob(FanoutKind, new AnnounceItemPayload(a.Id), now);
            }
            db.EnqueueJob(SearchInterceptor.JobKind, added.GroupBy(a => a.Module).Select(g => new SearchTouch(g.Key, tenant.Id, g.Select(a => a.ItemId).ToArray())).ToList(), now);
            await db.SaveChangesAsync(ct);
            signal.Notify();
        }
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>E-mails one newly announced item to every confirmed subscriber of its administration who wants it at once.</summary>
public sealed class AnnounceFanoutJob(IServiceScopeFactory scopes, JobSignal signal) : IJobHandler
{
    public string Kind => AnnounceJob.FanoutKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var id = JsonSerializer.Deserialize<AnnounceItemPayload>(payload)?.ItemId ?? throw new InvalidOperationException("Empty payload.");
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GlasDbContext>();
        if (await db.AnnouncedItems.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } item
            || (await services.GetRequiredService<TenantDirectory>().AllAsync(ct)).FirstOrDefault(t => t.Id == item.TenantId) is not { } tenant)
        {
            return;
        }
        var recipients = await SubscriptionQueries.Recipients(db, item.TenantId, SubscriptionFrequency.Immediately, item.Module).ToListAsync(ct);
        var mails = services.GetRequiredService<SubscriptionMails>();
        var outbox = services.GetRequiredService<EmailOutbox>();
        foreach (var r in recipients.Where(r => SubscriptionRules.Matches(r.Kinds, r.Topics, item.Module, item.Topics)))
        {
            outbox.Queue(mails.Immediate(r.Email!, r.Id, tenant, item));
        }
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}

/// <summary>
/// Every Monday at 08:00 Sofia time (a recurring job), sends each weekly subscriber one e-mail with
/// the items announced in their administration since their last digest that match their choice,
/// and moves every weekly subscription's mark forward, in one transaction.
/// </summary>
public sealed class WeeklyDigestJob(IServiceScopeFactory scopes, TimeProvider time, JobSignal signal) : IRecurringJob
{
    public const string JobKind = "subscriptions.digest";

    public string Kind => JobKind;

    public DateTimeOffset NextRun(DateTimeOffset now) => SubscriptionRules.NextDigestAt(now);

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GlasDbContext>();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var recipients = await SubscriptionQueries.Recipients(db, null, SubscriptionFrequency.Weekly, null).ToListAsync(ct);
        if (recipients.Count > 0)
        {
            var since = recipients.Min(r => r.DigestThrough);
            var items = (await db.AnnouncedItems.IgnoreQueryFilters().AsNoTracking().Where(a => a.AnnouncedAt > since && a.AnnouncedAt <= now)
                    .OrderBy(a => a.AnnouncedAt).ThenBy(a => a.Id).ToListAsync(ct))
                .GroupBy(a => a.TenantId).ToDictionary(g => g.Key, g => g.ToList());
            var tenants = (await services.GetRequiredService<TenantDirectory>().AllAsync(ct)).ToDictionary(t => t.Id);
            var mails = services.GetRequiredService<SubscriptionMails>();
            var digests = new List<EmailMessage>();
            foreach (var r in recipients)
            {
                if (!items.TryGetValue(r.TenantId, out var ofTenant) || !tenants.TryGetValue(r.TenantId, out var tenant))
                {
                    continue;
                }
                var mine = ofTenant.Where(a => a.AnnouncedAt > r.DigestThrough && SubscriptionRules.Matches(r.Kinds, r.Topics, a.Module, a.Topics)).ToList();
                if (mine.Count > 0)
                {
                    digests.Add(mails.Digest(r.Email!, r.Id, tenant, mine));
                }
            }
            // One statement for all of them: ten thousand tracked job rows would cost more than composing the e-mails.
            await db.EnqueueJobsAsync(EmailOutbox.JobKind, digests, now, ct);
        }
        var weekly = nameof(SubscriptionFrequency.Weekly);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Subscriptions" SET "DigestThrough" = {now} WHERE "Frequency" = {weekly} AND "DigestThrough" < {now}""", ct);
        await tx.CommitAsync(ct);
        signal.Notify();
    }
}

/// <summary>A confirmed subscription with the address its e-mails go to.</summary>
public sealed record SubscriptionRecipient(Guid Id, Guid TenantId, List<string> Kinds, List<string> Topics, DateTimeOffset DigestThrough, string? Email);

public static class SubscriptionQueries
{
    /// <summary>
    /// The subscriptions of one administration (or of all) with their address: the one given, or the
    /// account's while it is confirmed and not deleted, of those who chose <paramref name="module"/>
    /// when one is given. Those without an address are left out.
    /// </summary>
    public static IQueryable<SubscriptionRecipient> Recipients(GlasDbContext db, Guid? tenantId, SubscriptionFrequency frequency, string? module) =>
        from s in db.Subscriptions.IgnoreQueryFilters()
        where s.Frequency == frequency && (tenantId == null || s.TenantId == tenantId) && (module == null || s.Kinds.Contains(module))
        join u in db.Users on s.UserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        let email = s.Email ?? (u != null && u.EmailConfirmed && u.DeletedAt == null ? u.Email : null)
        where email != null
        select new SubscriptionRecipient(s.Id, s.TenantId, s.Kinds, s.Topics, s.DigestThrough, email);
}
