using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>Stores confirmed subscriptions: one per account and one per address in an administration, a second save replacing the choice.</summary>
public static class SubscriptionStore
{
    public static Task SaveForUserAsync(GlasDbContext db, Guid tenantId, Guid userId, SubscriptionChoice choice, DateTimeOffset now, CancellationToken ct)
    {
        var (kinds, topics, frequency) = Values(choice);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Subscriptions" ("Id", "TenantId", "UserId", "Email", "Kinds", "Topics", "Frequency", "CreatedAt", "ConfirmedAt", "DigestThrough")
            VALUES ({Guid.CreateVersion7(now)}, {tenantId}, {userId}, NULL, {kinds}, {topics}, {frequency}, {now}, {now}, {now})
            ON CONFLICT ("TenantId", "UserId") WHERE "UserId" IS NOT NULL
            DO UPDATE SET "Kinds" = excluded."Kinds", "Topics" = excluded."Topics", "Frequency" = excluded."Frequency"
            """, ct);
    }

    public static Task SaveForEmailAsync(GlasDbContext db, Guid tenantId, string email, SubscriptionChoice choice, DateTimeOffset now, CancellationToken ct)
    {
        var (kinds, topics, frequency) = Values(choice);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Subscriptions" ("Id", "TenantId", "UserId", "Email", "Kinds", "Topics", "Frequency", "CreatedAt", "ConfirmedAt", "DigestThrough")
            VALUES ({Guid.CreateVersion7(now)}, {tenantId}, NULL, {email}, {kinds}, {topics}, {frequency}, {now}, {now}, {now})
            ON CONFLICT ("TenantId", "Email") WHERE "Email" IS NOT NULL
            DO UPDATE SET "Kinds" = excluded."Kinds", "Topics" = excluded."Topics", "Frequency" = excluded."Frequency", "ConfirmedAt" = excluded."ConfirmedAt"
            """, ct);
    }

    private static (string[] Kinds, string[] Topics, string Frequency) Values(SubscriptionChoice c) => ([.. c.Kinds], [.. c.Topics], c.Frequency.ToString());
}
