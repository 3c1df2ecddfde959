using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Database;

[Trait("Category", "Integration")]
public class MigrationsTests
{
    [Fact]
    public async Task Migrated_schema_matches_the_EF_Core_model()
    {
        await using var migrated = await TestDatabase.CreateAsync();
        await using var modelled = await TestDatabase.CreateAsync();
        await Migrator.MigrateAsync(migrated.ConnectionString, NullLogger.Instance);
        var options = new DbContextOptionsBuilder<GlasDbContext>().UseNpgsql(modelled.ConnectionString).Options;
        await using (var db = new GlasDbContext(options, new TenantContext()))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeAsync(migrated.ConnectionString);
        var fromModel = await DescribeAsync(modelled.ConnectionString);
        fromMigrations.Where(l => !l.Contains("__glas_migrations", StringComparison.Ordinal)).ShouldBe(fromModel);
        fromModel.Count.ShouldBeGreaterThan(50);
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator.MigrateAsync(database.ConnectionString, NullLogger.Instance)));
        runs.SelectMany(r => r).ShouldBe(Migrator.Embedded().Select(m => m.Id));

        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        (await Migrator.IsUpToDateAsync(conn, default)).ShouldBeTrue();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"__glas_migrations\"", conn);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(Migrator.Embedded().Count);
    }

    /// <summary>Tables, columns with type, nullability, default and generation, and index definitions, one line each.</summary>
    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand("""
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, coalesce(column_default, ''), is_identity, coalesce(generation_expression, '')
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                lines.Add($"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) null={r.GetString(4)} default={r.GetString(5)} identity={r.GetString(6)} generated={r.GetString(7)}");
            }
        }
        await using (var cmd = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                lines.Add("index " + r.GetString(0));
            }
        }
        await using (var cmd = new NpgsqlCommand("""
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conname
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                lines.Add($"constraint {r.GetString(0)} {r.GetString(1)}");
            }
        }
        return lines;
    }
}
