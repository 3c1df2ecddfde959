using System.Text.Json;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Glas.Web.Search;

/// <summary>What a save touched: a module's items in one administration.</summary>
public sealed record SearchTouch(string Module, Guid TenantId, Guid[] Ids);

/// <summary>
/// Queues the re-indexing of every search item a save touches, as a job saved in the same
/// transaction: the index follows every committed write, and no write waits for the stemmer.
/// </summary>
public sealed class SearchInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public const string JobKind = "search.index";

    private static readonly Lazy<ILookup<Type, (string Module, SearchTrigger Trigger)>> Triggers = new(() =>
        ModuleCatalog.Declared.All.SelectMany(m => m.SearchTriggers.Select(t => (m.Key, t))).ToLookup(x => x.t.Entity, x => (x.Key, x.t)));

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Queue(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Queue(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Queue(DbContext? context)
    {
        if (context is not Platform.Database.GlasDbContext db)
        {
            return;
        }
        var touched = new List<(string Module, Guid TenantId, Guid Id)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !Triggers.Value.Contains(entry.Metadata.ClrType))
            {
                continue;
            }
            var tenantId = (entry.Entity as ITenantOwned)?.TenantId ?? db.CurrentTenantId;
            foreach (var (module, trigger) in Triggers.Value[entry.Metadata.ClrType])
            {
                if (tenantId is { } t && t != Guid.Empty && trigger.ItemId(entry.Entity) is { } id)
                {
                    touched.Add((module, t, id));
                }
            }
        }
        if (touched.Count == 0)
        {
            return;
        }
        var payload = touched.GroupBy(x => (x.Module, x.TenantId)).Select(g => new SearchTouch(g.Key.Module, g.Key.TenantId, g.Select(x => x.Id).Distinct().ToArray())).ToList();
        db.EnqueueJob(JobKind, payload, time.GetUtcNow());
    }
}

/// <summary>Indexes again what a save touched.</summary>
public sealed class SearchIndexJob(IServiceScopeFactory scopes, TenantDirectory directory) : IJobHandler
{
    public string Kind => SearchInterceptor.JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var touches = JsonSerializer.Deserialize<List<SearchTouch>>(payload) ?? [];
        var all = await directory.AllAsync(ct);
        foreach (var touch in touches)
        {
            if (all.FirstOrDefault(t => t.Id == touch.TenantId) is not { } tenant
                || ModuleCatalog.Declared.All.FirstOrDefault(m => m.Key == touch.Module) is not { } module)
            {
                continue;
            }
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
            await scope.ServiceProvider.GetRequiredService<SearchIndex>().RefreshAsync(module, touch.Ids, ct);
        }
    }
}

/// <summary>Builds the whole index again when Glas first starts and every six hours: whatever a write missed (raw SQL, a new module) comes in.</summary>
public sealed class SearchRebuildJob(IServiceScopeFactory scopes) : IRecurringJob
{
    public const string JobKind = "search.rebuild";

    public string Kind => JobKind;

    public DateTimeOffset FirstRun(DateTimeOffset now) => now;

    public DateTimeOffset NextRun(DateTimeOffset now) => now.AddHours(6);

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync(ct);
    }
}
