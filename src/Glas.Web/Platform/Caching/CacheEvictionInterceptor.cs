using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Glas.Web.Platform.Caching;

/// <summary>
/// Evicts the cached pages a write changes, once the write is committed: tracked changes from
/// SaveChanges (with their administration), and set-based statements (ExecuteUpdate, ExecuteDelete,
/// raw SQL) by the table they name. Inside an explicit transaction the eviction waits for the commit
/// and is dropped on rollback, so no reader can cache the old state after the eviction.
/// </summary>
public sealed partial class CacheEvictionInterceptor(IServiceProvider services) : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public HashSet<string> Saving { get; } = new(StringComparer.Ordinal);
        public HashSet<string> InTransaction { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    private CacheEvictor Evictor => services.GetRequiredService<CacheEvictor>();

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p))
        {
            var tags = p.Saving.ToList();
            p.Saving.Clear();
            Commit(db, tags, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    async ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p))
        {
            var tags = p.Saving.ToList();
            p.Saving.Clear();
            await Commit(db, tags, cancellationToken);
        }
        return result;
    }

    void ISaveChangesInterceptor.SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving: true);

    Task ISaveChangesInterceptor.SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result != 0 && eventData.Context is { } db)
        {
            Commit(db, Statement(db, command.CommandText), CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result != 0 && eventData.Context is { } db)
        {
            await Commit(db, Statement(db, command.CommandText), cancellationToken);
        }
        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p) && p.InTransaction.Count > 0)
        {
            var tags = p.InTransaction.ToList();
            p.InTransaction.Clear();
            Evictor.EvictAsync(tags).GetAwaiter().GetResult();
        }
    }

    async Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var p) && p.InTransaction.Count > 0)
        {
            var tags = p.InTransaction.ToList();
            p.InTransaction.Clear();
            await Evictor.EvictAsync(tags, cancellationToken);
        }
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, saving: false);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is not GlasDbContext db)
        {
            return;
        }
        var tags = pending.GetValue(db, _ => new Pending()).Saving;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                tags.UnionWith(CacheScopes.EvictedBy(entry, db.CurrentTenantId));
            }
        }
    }

    private Task Commit(DbContext db, List<string> tags, CancellationToken ct)
    {
        if (tags.Count == 0)
        {
            return Task.CompletedTask;
        }
        if (db.Database.CurrentTransaction is not null)
        {
            pending.GetValue(db, _ => new Pending()).InTransaction.UnionWith(tags);
            return Task.CompletedTask;
        }
        return Evictor.EvictAsync(tags, ct);
    }

    private void Forget(DbContext? db, bool saving)
    {
        if (db is not null && pending.TryGetValue(db, out var p))
        {
            (saving ? p.Saving : p.InTransaction).Clear();
        }
    }

    /// <summary>What a set-based statement evicts: the table it writes, mapped to its entity, in the context's administration.</summary>
    private static List<string> Statement(DbContext db, string sql)
    {
        var match = WriteStatement().Match(sql);
        if (!match.Success || db is not GlasDbContext glas)
        {
            return [];
        }
        var table = match.Groups["table"].Value;
        var entity = db.Model.GetEntityTypes().FirstOrDefault(e => string.Equals(e.GetTableName(), table, StringComparison.Ordinal));
        return entity is null ? [] : CacheScopes.EvictedBy(entity.ClrType, glas.CurrentTenantId).ToList();
    }

    [GeneratedRegex("""(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"(?<table>[^"]+)"(?:\s+AS\s+\w+)?""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();
}
