using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Search;

/// <summary>
/// Writes the search index from what the modules say is public: one module's items of the current
/// administration (all, or those a save touched), or every module of every administration.
/// </summary>
public sealed class SearchIndex(GlasDbContext db, TenantContext tenants, TenantDirectory directory, ModuleCatalog catalog, TimeProvider time, IServiceProvider services)
{
    /// <summary>The longest text kept for snippets; the stems come from the first <see cref="MaxStemmedText"/> characters.</summary>
    public const int MaxStoredText = 20_000;

    public const int MaxStemmedText = 200_000;

    private const int Batch = 500;

    /// <summary>Indexes again the module's items among <paramref name="ids"/> (all when null) in the current administration.</summary>
    public async Task RefreshAsync(GlasModule module, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("No current administration.");
        var items = await module.SearchItemsAsync(services, ids, ct);
        foreach (var chunk in items.Chunk(Batch))
        {
            await UpsertAsync(module.Key, tenantId, chunk, ct);
        }
        var kept = items.Select(i => i.Id).ToList();
        var gone = db.SearchEntries.Where(e => e.Module == module.Key && !kept.Contains(e.ItemId));
        await (ids is null ? gone : gone.Where(e => ids.Contains(e.ItemId))).ExecuteDeleteAsync(ct);
    }

    /// <summary>Indexes every module's items in every administration again (runs as a recurring job).</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        foreach (var tenant in await directory.AllAsync(ct))
        {
            tenants.Tenant = tenant;
            foreach (var module in catalog.All)
            {
                await RefreshAsync(module, null, ct);
            }
        }
    }

    /// <summary>
    /// Writes the items' entries; an entry that would not change is left as it is, so that the rebuild
    /// every six hours does not rewrite the whole table and its indexes (nor clear the visibility map
    /// the walk down the date index relies on to read the index alone).
    /// </summary>
    private Task<int> UpsertAsync(string module, Guid tenantId, IReadOnlyList<SearchItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToArray();
        var kinds = items.Select(i => i.Kind).ToArray();
        var titles = items.Select(i => Cut(i.Title, 500)).ToArray();
        var texts = items.Select(i => Cut(i.Text, MaxStoredText)).ToArray();
        var paths = items.Select(i => i.Path).ToArray();
        var dates = items.Select(i => i.Date).ToArray();
        var titleStems = items.Select(i => BulgarianText.Lexemes(i.Title)).ToArray();
        var textStems = items.Select(i => BulgarianText.Lexemes(Cut(i.Text, MaxStemmedText))).ToArray();
        var now = time.GetUtcNow();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SearchEntries" ("Module", "ItemId", "TenantId", "Kind", "Title", "Text", "Path", "Date", "Vector", "IndexedAt")
            SELECT {module}, u.id, {tenantId}, u.kind, u.title, u.text, u.path, u.date,
                   setweight(to_tsvector('simple', u.title_stems), 'A') || to_tsvector('simple', u.text_stems), {now}
            FROM unnest({ids}, {kinds}, {titles}, {texts}, {paths}, {dates}, {titleStems}, {textStems})
                 AS u(id, kind, title, text, path, date, title_stems, text_stems)
            ON CONFLICT ("Module", "ItemId") DO UPDATE SET
                "TenantId" = EXCLUDED."TenantId", "Kind" = EXCLUDED."Kind", "Title" = EXCLUDED."Title", "Text" = EXCLUDED."Text",
                "Path" = EXCLUDED."Path", "Date" = EXCLUDED."Date", "Vector" = EXCLUDED."Vector", "IndexedAt" = EXCLUDED."IndexedAt"
            WHERE ("SearchEntries"."TenantId", "SearchEntries"."Kind", "SearchEntries"."Title", "SearchEntries"."Text",
                   "SearchEntries"."Path", "SearchEntries"."Date", "SearchEntries"."Vector")
                IS DISTINCT FROM (EXCLUDED."TenantId", EXCLUDED."Kind", EXCLUDED."Title", EXCLUDED."Text", EXCLUDED."Path", EXCLUDED."Date", EXCLUDED."Vector")
            """, ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
