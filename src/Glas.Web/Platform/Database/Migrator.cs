using System.Reflection;
using Npgsql;

namespace Glas.Web.Platform.Database;

/// <summary>
/// Applies the versioned SQL files embedded from every <c>Migrations</c> folder (the platform's in
/// Platform/Database/Migrations, each module's in its own folder), in order of file name, each in
/// its own transaction, under a PostgreSQL advisory lock so that instances starting together apply
/// each file once. A file's name is its identity: the platform's first files are numbered
/// (0001_…); every later file is named <c>yyyyMMddHHmm_{module}_{what}.sql</c>, so modules written in
/// parallel never collide and sort after the numbered ones.
/// </summary>
public static class Migrator
{
    private const long LockKey = 0x474C41535F4D4947; // "GLAS_MIG"
    private const string Folder = ".Migrations.";

    public static IReadOnlyList<(string Id, string Sql)> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(Folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Id: n[(n.LastIndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..^4], Name: n))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        var twice = files.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Two migrations are named {twice.Key}: {string.Join(", ", twice.Select(f => f.Name))}.");
        }
        return files.Select(f => (f.Id, Read(assembly, f.Name))).ToList();
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
