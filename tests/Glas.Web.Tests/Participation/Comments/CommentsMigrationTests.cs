using Glas.Web.Platform.Database;
using Glas.Web.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Comments;

/// <summary>A database with consultations' and projects' comments from before the component keeps every one of them.</summary>
[Trait("Category", "Integration")]
public class CommentsMigrationTests
{
    private const string Component = "202611251600_comments_core";

    [Fact]
    public async Task Existing_comments_supports_reports_and_answers_survive_the_move()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        // The schema as it was before the component: every earlier migration, recorded as applied.
        await Exec(conn, """CREATE TABLE "__glas_migrations" ("Id" text PRIMARY KEY, "AppliedAt" timestamptz NOT NULL DEFAULT now())""");
        foreach (var (id, sql) in Migrator.Embedded().Where(m => string.CompareOrdinal(m.Id, Component) < 0))
        {
            await Exec(conn, sql);
            await Exec(conn, $"""INSERT INTO "__glas_migrations" ("Id") VALUES ('{id}')""");
        }

        Guid tenant = Guid.NewGuid(), user = Guid.NewGuid(), other = Guid.NewGuid(), consultation = Guid.NewGuid(), unit = Guid.NewGuid(), project = Guid.NewGuid();
        Guid proposal = Guid.NewGuid(), reply = Guid.NewGuid(), shownOnProject = Guid.NewGuid(), hiddenOnProject = Guid.NewGuid();
        await InsertRowsAsync(conn, tenant, user, other, consultation, unit, project);
        await Exec(conn, $"""
            INSERT INTO "Comments" ("Id", "TenantId", "ConsultationId", "UnitId", "ParentId", "AuthorId", "Shown", "OrganisationName", "Text", "CreatedAt", "SupportCount")
                VALUES ('{proposal}', '{tenant}', '{consultation}', '{unit}', NULL, '{user}', 'DisplayName', NULL, 'Предложение', '2026-01-01T10:00:00Z', 1),
                       ('{reply}', '{tenant}', '{consultation}', '{unit}', '{proposal}', '{other}', 'Anonymous', NULL, 'Отговор', '2026-01-01T11:00:00Z', 0);
            INSERT INTO "CommentSupports" ("CommentId", "UserId", "CreatedAt") VALUES ('{proposal}', '{other}', now());
            INSERT INTO "CommentFlags" ("Id", "CommentId", "ReporterId", "Reason", "CreatedAt") VALUES ('{Guid.NewGuid()}', '{reply}', '{user}', 'Спам', now());
            INSERT INTO "ProposalAnswers" ("CommentId", "ConsultationId", "Outcome", "Justification", "AnsweredAt", "AnsweredBy") VALUES ('{proposal}', '{consultation}', 'Accepted', NULL, now(), '{other}');
            INSERT INTO "ProjectComments" ("Id", "TenantId", "ProjectId", "AuthorId", "Text", "CreatedAt", "HiddenAt", "HiddenById", "HiddenReason")
                VALUES ('{shownOnProject}', '{tenant}', '{project}', '{user}', 'Кога започва?', '2026-02-01T10:00:00Z', NULL, NULL, NULL),
                       ('{hiddenOnProject}', '{tenant}', '{project}', '{other}', 'Обида', '2026-02-02T10:00:00Z', '2026-02-03T10:00:00Z', '{user}', 'Извън темата');
            """);

        (await Migrator.MigrateAsync(database.ConnectionString, NullLogger.Instance)).ShouldContain(Component);

        var rows = await Rows(conn, """
            SELECT "Id", "SubjectKind", "SubjectId", coalesce("UnitId"::text, ''), coalesce("ParentId"::text, ''), "Shown", "Text", "SupportCount",
                   coalesce("HiddenBy"::text, ''), coalesce("HiddenReason", ''), "HiddenAt" IS NOT NULL, "EditedAt" IS NULL
            FROM "Comments" ORDER BY "CreatedAt"
            """);
        rows.ShouldBe([
            $"{proposal}|consultation|{consultation}|{unit}||DisplayName|Предложение|1|||False|True",
            $"{reply}|consultation|{consultation}|{unit}|{proposal}|Anonymous|Отговор|0|||False|True",
            $"{shownOnProject}|project|{project}|||DisplayName|Кога започва?|0|||False|True",
            $"{hiddenOnProject}|project|{project}|||DisplayName|Обида|0|{user}|Извън темата|True|True",
        ]);
        (await Rows(conn, """SELECT "CommentId" FROM "CommentSupports" """)).ShouldBe([proposal.ToString()]);
        (await Rows(conn, """SELECT "CommentId" FROM "CommentFlags" """)).ShouldBe([reply.ToString()]);
        (await Rows(conn, """SELECT "CommentId" FROM "ProposalAnswers" """)).ShouldBe([proposal.ToString()]);
        (await Rows(conn, """SELECT count(*) FROM information_schema.tables WHERE table_name = 'ProjectComments'""")).ShouldBe(["0"]);
    }

    private static async Task InsertRowsAsync(NpgsqlConnection conn, Guid tenant, Guid user, Guid other, Guid consultation, Guid unit, Guid project)
    {
        // Only the columns without defaults are named; the rest take what the earlier migrations give them.
        foreach (var (table, values) in new[]
        {
            ("Tenants", new Dictionary<string, object> { ["Id"] = tenant, ["Slug"] = "m" }),
            ("AspNetUsers", new Dictionary<string, object> { ["Id"] = user, ["DisplayName"] = "Мария" }),
            ("AspNetUsers", new Dictionary<string, object> { ["Id"] = other, ["DisplayName"] = "Иван" }),
            ("Consultations", new Dictionary<string, object> { ["Id"] = consultation, ["TenantId"] = tenant, ["Title"] = "Наредба" }),
            ("DraftUnits", new Dictionary<string, object> { ["Id"] = unit, ["ConsultationId"] = consultation }),
            ("Projects", new Dictionary<string, object> { ["Id"] = project, ["TenantId"] = tenant, ["Title"] = "Ремонт" }),
        })
        {
            var columns = await Rows(conn, $"""
                SELECT column_name || '|' || data_type FROM information_schema.columns
                WHERE table_name = '{table}' AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' ORDER BY ordinal_position
                """);
            var names = new List<string>();
            var literals = new List<string>();
            foreach (var column in columns.Select(c => c.Split('|')))
            {
                names.Add($"\"{column[0]}\"");
                literals.Add(values.TryGetValue(column[0], out var v) ? $"'{v}'" : column[1] switch
                {
                    "uuid" => $"'{Guid.NewGuid()}'",
                    "integer" or "bigint" or "smallint" or "numeric" => "1",
                    "boolean" => "false",
                    "date" => "'2026-01-01'",
                    "ARRAY" => "'{}'",
                    "timestamp with time zone" => "now()",
                    _ => "'x'",
                });
            }
            await Exec(conn, $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", literals)})");
        }
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> Rows(NpgsqlConnection conn, string sql)
    {
        var rows = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}
