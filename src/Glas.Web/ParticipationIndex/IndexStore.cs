using System.Text.Json;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.ParticipationIndex;

/// <summary>
/// The participation index of the current administration: its methodology versions, computing a
/// period from every module's statistics, and the stored values the pages and the open data read.
/// Values are precomputed per period (the <c>IndexValues</c> table), refreshed by
/// <see cref="IndexRefreshJob"/> every hour, at once when the methodology changes, and on demand.
/// </summary>
public sealed class IndexStore(GlasDbContext db, TenantContext tenant, ModuleCatalog modules, TimeProvider time)
{
    /// <summary>The methodology in force: the newest version, the default one made on first use.</summary>
    public async Task<IndexMethodology> CurrentMethodologyAsync(CancellationToken ct)
    {
        var current = await db.IndexMethodologies.AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return current;
        }
        // Two first requests may race: the unique (tenant, version) index keeps one, and both read it.
        var first = New(1, MethodologyRules.Default, null, null);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "IndexMethodologies" ("Id", "TenantId", "Version", "Settings", "Note", "CreatedAt", "CreatedBy")
            VALUES ({first.Id}, {first.TenantId}, {first.Version}, {first.Settings}::jsonb, NULL, {first.CreatedAt}, NULL)
            ON CONFLICT ("TenantId", "Version") DO NOTHING
            """, ct);
        return await db.IndexMethodologies.AsNoTracking().OrderByDescending(m => m.Version).FirstAsync(ct);
    }

    public Task<List<IndexMethodology>> VersionsAsync(CancellationToken ct) =>
        db.IndexMethodologies.AsNoTracking().OrderByDescending(m => m.Version).ToListAsync(ct);

    /// <summary>Saves the settings as a new version (audited) after checking them; the errors when they are not valid.</summary>
    public async Task<IReadOnlyList<MethodologyError>> ChangeAsync(IReadOnlyList<IndicatorSetting> settings, string? note, Guid actor, CancellationToken ct)
    {
        var errors = MethodologyRules.Validate(settings);
        if (errors.Count > 0)
        {
            return errors;
        }
        var current = await CurrentMethodologyAsync(ct);
        var next = New(current.Version + 1, settings, note, actor);
        db.IndexMethodologies.Add(next);
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant.Required.Id,
            ActorUserId = actor,
            Action = "index.methodology",
            Subject = "методология, версия " + next.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Details = next.Settings,
            At = next.CreatedAt,
        });
        await db.SaveChangesAsync(ct);
        await RefreshAsync(ct);
        return [];
    }

    /// <summary>Computes one period from the modules' statistics with the given methodology.</summary>
    public async Task<IndexResult> ComputeAsync(IndexPeriod period, IndexMethodology methodology, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var to = period.To < now ? period.To : now;
        var reported = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var module in modules.All)
        {
            var numbers = await module.StatisticsAsync(db, period.From, to, ct);
            if (numbers.Count > 0)
            {
                reported[module.Key] = numbers.GroupBy(n => n.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            }
        }
        var inputs = new IndexInputs(reported, tenant.Required.Population, period.AnnualFactor(now));
        return IndexCalculator.Compute(methodology.Indicators(), methodology.Version, inputs);
    }

    /// <summary>Computes every recent period again and stores it, replacing what was stored.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var methodology = await CurrentMethodologyAsync(ct);
        var now = time.GetUtcNow();
        var rows = new List<IndexValue>();
        foreach (var period in IndexPeriod.Recent(now))
        {
            var result = await ComputeAsync(period, methodology, ct);
            rows.Add(new IndexValue
            {
                TenantId = tenant.Required.Id,
                Period = period.Key,
                Kind = period.Kind,
                Start = period.Start,
                End = period.End,
                MethodologyVersion = result.MethodologyVersion,
                Value = result.Index,
                Coverage = result.Coverage,
                Indicators = JsonSerializer.Serialize(result.Indicators, MethodologyRules.Json),
                ComputedAt = now,
            });
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One refresh per administration at a time; a second waits and then replaces the first's rows.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"index:" + tenant.Required.Id}))", ct);
            await db.IndexValues.ExecuteDeleteAsync(ct);
            db.IndexValues.AddRange(rows);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The stored values, oldest first; computed now when there are none or they were made with an
    /// older methodology. One request per administration computes them while the others wait for it,
    /// and the computation is not abandoned when that request's visitor goes away (it can take
    /// seconds over a large administration; the hourly job normally does it).
    /// </summary>
    public async Task<IReadOnlyList<IndexValue>> ValuesAsync(CancellationToken ct)
    {
        var values = await Stored(ct);
        if (!await OutdatedAsync(values, ct))
        {
            return values;
        }
        var gate = Gates.GetOrAdd(tenant.Required.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            values = await Stored(ct);
            if (await OutdatedAsync(values, ct))
            {
                await RefreshAsync(CancellationToken.None);
                values = await Stored(ct);
            }
        }
        finally
        {
            gate.Release();
        }
        return values;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, SemaphoreSlim> Gates = new();

    private async Task<bool> OutdatedAsync(List<IndexValue> values, CancellationToken ct)
    {
        var version = await db.IndexMethodologies.MaxAsync(m => (int?)m.Version, ct);
        return values.Count == 0 || version is null || values.Any(v => v.MethodologyVersion != version);
    }

    private Task<List<IndexValue>> Stored(CancellationToken ct) =>
        db.IndexValues.AsNoTracking().OrderBy(v => v.Kind).ThenBy(v => v.Start).ToListAsync(ct);

    private IndexMethodology New(int version, IEnumerable<IndicatorSetting> settings, string? note, Guid? actor)
    {
        var now = time.GetUtcNow();
        var m = new IndexMethodology
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Required.Id,
            Version = version,
            Note = note,
            CreatedAt = now,
            CreatedBy = actor,
        };
        m.SetIndicators(settings);
        return m;
    }
}
