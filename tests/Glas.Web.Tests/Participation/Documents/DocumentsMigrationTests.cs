using Glas.Web.Platform.Database;
using Glas.Web.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Documents;

/// <summary>The documents migration moves consultations' and projects' documents into the component with nothing lost.</summary>
[Trait("Category", "Integration")]
public class DocumentsMigrationTests
{
    private const string Migration = "202611251610_documents_core";

    private static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection conn, string sql)
    {
        var rows = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    [Fact]
    public async Task Consultation_and_project_documents_move_with_their_ids_files_and_versions()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        // The schema as it was before the component, recorded as applied.
        await ExecAsync(conn, """CREATE TABLE "__glas_migrations" ("Id" text PRIMARY KEY, "AppliedAt" timestamptz NOT NULL DEFAULT now())""");
        foreach (var (id, sql) in Migrator.Embedded().Where(m => string.CompareOrdinal(m.Id, Migration) < 0))
        {
            await ExecAsync(conn, sql);
            await ExecAsync(conn, $"""INSERT INTO "__glas_migrations" ("Id") VALUES ('{id}')""");
        }

        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();
        var consultation = Guid.NewGuid();
        var project = Guid.NewGuid();
        var consultationDocument = Guid.NewGuid();
        var (v1, v2) = (Guid.NewGuid(), Guid.NewGuid());
        var (withFile, linkOnly) = (Guid.NewGuid(), Guid.NewGuid());
        // The documents need no real consultation or project behind them for this test.
        await ExecAsync(conn, """
            ALTER TABLE "ConsultationDocuments" DROP CONSTRAINT "FK_ConsultationDocuments_Consultations_ConsultationId";
            ALTER TABLE "ProjectDocuments" DROP CONSTRAINT "FK_ProjectDocuments_Projects_ProjectId";
            """);
        await ExecAsync(conn, $"""
            INSERT INTO "Tenants" ("Id", "Slug", "NameBg", "NameEn", "Kind", "Members", "IsDefault", "CreatedAt")
                VALUES ('{tenant}', 'test', 'Тест', 'Test', 'Municipality', ARRAY[]::text[], false, now());
            INSERT INTO "ConsultationDocuments" ("Id", "TenantId", "ConsultationId", "Type", "Title") VALUES ('{consultationDocument}', '{tenant}', '{consultation}', 'Motives', 'Мотиви');
            INSERT INTO "DocumentVersions" ("Id", "DocumentId", "FileName", "ContentType", "Size", "Sha256", "StorageKey", "UploadedAt", "UploadedBy") VALUES
                ('{v1}', '{consultationDocument}', 'motivi.pdf', 'application/pdf', 100, 'aa', '0123456789abcdef0123456789abcdef', '2026-01-10T08:00:00Z', '{user}'),
                ('{v2}', '{consultationDocument}', 'motivi-2.pdf', 'application/pdf', 200, 'bb', 'fedcba9876543210fedcba9876543210', '2026-01-12T08:00:00Z', NULL);
            INSERT INTO "ProjectDocuments" ("Id", "TenantId", "ProjectId", "Title", "Kind", "PublishedAt", "Url", "FileName", "ContentType", "Size", "StorageKey") VALUES
                ('{withFile}', '{tenant}', '{project}', 'Доклад', 'Report', '2020-06-11T13:19:00Z', NULL, 'doklad.pdf', 'application/pdf', 300, 'abcdefabcdefabcdefabcdefabcdefab'),
                ('{linkOnly}', '{tenant}', '{project}', 'Казус', 'CaseStudy', '2021-06-04T06:16:00Z', 'https://example.org/kazus.pdf', NULL, NULL, NULL, NULL);
            """);

        (await Migrator.MigrateAsync(database.ConnectionString, NullLogger.Instance)).ShouldContain(Migration);

        (await RowsAsync(conn, """SELECT "Id", "TenantId", "SubjectKind", "SubjectId", "Type", "Title", "Language", "DocumentDate" AT TIME ZONE 'UTC', "Url" FROM "Documents" ORDER BY "Title" """)).ShouldBe(
        [
            $"{withFile}|{tenant}|project|{project}|Report|Доклад|bg|06/11/2020 13:19:00|∅",
            $"{linkOnly}|{tenant}|project|{project}|CaseStudy|Казус|bg|06/04/2021 06:16:00|https://example.org/kazus.pdf",
            $"{consultationDocument}|{tenant}|consultation|{consultation}|Motives|Мотиви|bg|01/10/2026 08:00:00|∅",
        ]);
        (await RowsAsync(conn, $"""SELECT CASE WHEN "Id" IN ('{v1}', '{v2}') THEN "Id"::text ELSE 'new' END, "DocumentId", "FileName", "ContentType", "Size", "Sha256", "StorageKey", "UploadedBy", "Note", "UploadedAt" AT TIME ZONE 'UTC' FROM "DocumentVersions" """)).ShouldBe(
        [
            $"new|{withFile}|doklad.pdf|application/pdf|300|∅|abcdefabcdefabcdefabcdefabcdefab|∅|∅|06/11/2020 13:19:00",
            $"{v1}|{consultationDocument}|motivi.pdf|application/pdf|100|aa|0123456789abcdef0123456789abcdef|{user}|∅|01/10/2026 08:00:00",
            $"{v2}|{consultationDocument}|motivi-2.pdf|application/pdf|200|bb|fedcba9876543210fedcba9876543210|∅|∅|01/12/2026 08:00:00",
        ], ignoreOrder: true);
        (await RowsAsync(conn, """SELECT count(*) FROM information_schema.tables WHERE table_name IN ('ConsultationDocuments', 'ProjectDocuments')""")).ShouldBe(["0"]);
    }
}
