using System.Reflection;
using Npgsql;

namespace Glas.Web.Platform.Database;

/// <summary>
/// Applies the versioned SQL files embedded under Platform/Database/Migrations, in name order,
/// each in its own transaction, under a PostgreSQL advisory lock so that instances starting
/// together apply each file once.
/// </summary>
public static class Migrator
{
    private const long LockKey = 0x474C41535F4D4947; // "GLAS_MIG"
    private const string Prefix = "Glas.Web.Platform.Database.Migrations.";

    public static IReadOnlyList<(string Id, string Sql)> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[Prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, ILogger logger, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await Exec(conn, $"SELECT pg_advisory_lock({LockKey})", ct);
        var applied = new List<string>();
        try
        {
            await Exec(conn, """
                CREATE TABLE IF NOT EXISTS "__glas_migrations" (
                    "Id" text PRIMARY KEY,
                    "AppliedAt" timestamptz NOT NULL DEFAULT now())
                """, ct);
            var done = await AppliedAsync(conn, ct);
            foreach (var (id, sql) in Embedded().Where(m => !done.Contains(m.Id)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(sql, conn, tx))
                {
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await using (var mark = new NpgsqlCommand("""INSERT INTO "__glas_migrations" ("Id") VALUES (@id)""", conn, tx))
                {
                    mark.Parameters.AddWithValue("id", id);
                    await mark.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration}", id);
                applied.Add(id);
            }
        }
        finally
        {
            await Exec(conn, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
        return applied;
    }

    /// <summary>True when every embedded migration has been applied.</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('\"__glas_migrations\"') IS NOT NULL", conn);
        if (await exists.ExecuteScalarAsync(ct) is not true)
        {
            return false;
        }
        var done = await AppliedAsync(conn, ct);
        return Embedded().All(m => done.Contains(m.Id));
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("""SELECT "Id" FROM "__glas_migrations" """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            done.Add(reader.GetString(0));
        }
        return done;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
