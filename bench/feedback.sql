-- Data for the citizen feedback benchmark (issue target: 100,000 reports in one administration):
-- reports in Община Сливен spread over the last two years across every category, kind and status,
-- nine in ten public, a quarter with a point on the map, each with its "received" step in the
-- timeline. Run by bench/feedback against the bench database after Glas has migrated and seeded.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_categories AS
SELECT c."Id", c."TenantId", c."Department", row_number() OVER (ORDER BY c."SortOrder", c."Code") - 1 AS n
FROM "FeedbackCategories" c JOIN "Tenants" t ON t."Id" = c."TenantId" WHERE t."Slug" = 'sliven';

CREATE TEMP TABLE bench_reports AS
SELECT gen_random_uuid() AS "Id", i,
       now() - (i % 730) * interval '1 day' - (i % 1440) * interval '1 minute' AS created,
       (ARRAY['Received','Assigned','InProgress','Answered','Closed','Forwarded','Rejected','Duplicate'])[1 + (i * 7) % 8] AS status
FROM generate_series(1, :'count'::int) AS i;

INSERT INTO "FeedbackReports" ("Id", "TenantId", "Number", "Kind", "CategoryId", "Title", "Description", "Address", "Latitude", "Longitude",
    "IsPublic", "Status", "Source", "ReporterUserId", "ReporterName", "ReporterEmail", "CreatedAt", "UpdatedAt", "DueAt", "Extensions",
    "Department", "AssigneeUserId", "Answer", "AnsweredAt", "ClosedAt", "ForwardedTo", "DuplicateOfId", "RejectReason", "Rating", "RatingRemark", "RatedAt", "Reopened")
SELECT r."Id", c."TenantId", 'B-' || lpad(r.i::text, 7, '0'), CASE WHEN r.i % 5 = 0 THEN 'Proposal' ELSE 'Signal' END, c."Id",
       'Сигнал за проверка ' || r.i, 'Описание на проблема номер ' || r.i || ' в квартала, с подробности за мястото и времето.',
       'ул. „Примерна“ ' || (r.i % 200 + 1) || ', Сливен',
       CASE WHEN r.i % 4 = 0 THEN 42.65 + (r.i % 100) * 0.0005 END, CASE WHEN r.i % 4 = 0 THEN 26.30 + (r.i % 97) * 0.0005 END,
       r.i % 10 <> 0, r.status, CASE WHEN r.i % 3 = 0 THEN 'open311' ELSE 'web' END, NULL, 'Гражданин ' || r.i, 'bench' || r.i || '@example.org',
       r.created, r.created, r.created + interval '2 months', 0, c."Department", NULL,
       CASE WHEN r.status IN ('Answered','Closed') THEN 'Отговор на общината по сигнал ' || r.i END,
       CASE WHEN r.status IN ('Answered','Closed') THEN r.created + interval '20 days' END,
       CASE WHEN r.status IN ('Closed','Forwarded','Rejected','Duplicate') THEN r.created + interval '25 days' END,
       CASE WHEN r.status = 'Forwarded' THEN 'РИОСВ Стара Загора' END, NULL,
       CASE WHEN r.status = 'Rejected' THEN 'Извън компетентността на общината' END,
       CASE WHEN r.status = 'Closed' THEN 1 + r.i % 5 END, NULL, CASE WHEN r.status = 'Closed' THEN r.created + interval '26 days' END, false
FROM bench_reports r JOIN bench_categories c ON c.n = r.i % (SELECT count(*) FROM bench_categories);

INSERT INTO "FeedbackEvents" ("Id", "TenantId", "ReportId", "At", "Kind", "Status", "Text", "IsPublic", "ActorUserId")
SELECT gen_random_uuid(), rep."TenantId", rep."Id", rep."CreatedAt", 'status', 'Received', NULL, true, NULL
FROM "FeedbackReports" rep JOIN bench_reports r ON r."Id" = rep."Id";
COMMIT;
-- As autovacuum leaves a table of this size in use: right after a bulk load the visibility map is
-- empty, and the inbox's index-only counts would read every row from the table instead.
VACUUM ANALYZE "FeedbackReports";
VACUUM ANALYZE "FeedbackEvents";
