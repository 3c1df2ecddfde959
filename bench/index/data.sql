-- Data for the participation index benchmark (issue target: the dashboard over a tenant with 10,000
-- consultations, 100,000 feedback reports and 100,000 survey responses, median ≤ 200 ms at one
-- connection). Loaded after bench/consultations.sql (the 10,000 consultations) into Община Сливен:
-- 100,000 feedback reports over the last three years (most answered, some late, a fifth rated) and
-- 100,000 survey responses to one survey over the same time. The stored index of Сливен is then
-- dropped, so the first request computes it again from these rows.
\set ON_ERROR_STOP on
BEGIN;
WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven'),
     c AS (SELECT "Id" FROM "FeedbackCategories" WHERE "TenantId" = (SELECT "Id" FROM t) ORDER BY "Code" LIMIT 1)
INSERT INTO "FeedbackReports" ("Id", "TenantId", "Number", "Kind", "CategoryId", "Title", "Description", "Address", "IsPublic", "Status", "Source",
    "ReporterName", "CreatedAt", "UpdatedAt", "DueAt", "Extensions", "AnsweredAt", "Answer", "Rating", "RatedAt", "Reopened")
SELECT gen_random_uuid(), t."Id", 'BENCH-' || g, 'Signal', c."Id", 'Сигнал ' || g, 'Описание на сигнал за измерване ' || g, 'ул. „Раковска“ ' || (g % 200),
    true, CASE WHEN g % 10 = 0 THEN 'Received' ELSE 'Answered' END, 'web', 'Участник',
    now() - make_interval(days => g % 1095), now() - make_interval(days => g % 1095), now() - make_interval(days => g % 1095) + interval '2 months', 0,
    CASE WHEN g % 10 = 0 THEN NULL ELSE now() - make_interval(days => g % 1095) + make_interval(days => 3 + g % 75) END,
    CASE WHEN g % 10 = 0 THEN NULL ELSE 'Отговор' END,
    CASE WHEN g % 5 = 1 THEN 1 + g % 5 END,
    CASE WHEN g % 5 = 1 THEN now() - make_interval(days => g % 1095) + make_interval(days => 3 + g % 75) END,
    false
FROM generate_series(1, 100000) g, t, c;

WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven')
INSERT INTO "Surveys" ("Id", "TenantId", "Title", "Audience", "AskGroup", "Launched", "ResultsPublished", "TextPublished", "Definition", "CreatedAt", "UpdatedAt")
SELECT '00000000-0000-0000-0000-000000000200', t."Id", 'Анкета за измерване', 'Public', false, true, false, false, '{"sections":[]}', now(), now() FROM t;

WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven')
INSERT INTO "SurveyResponses" ("Id", "TenantId", "SurveyId", "Answers", "Codes", "Numbers", "StartedAt", "SubmittedAt", "TextHidden")
SELECT gen_random_uuid(), t."Id", '00000000-0000-0000-0000-000000000200', '{}', '{}', '{}',
    now() - make_interval(days => g % 1095), now() - make_interval(days => g % 1095), false
FROM generate_series(1, 100000) g, t;

DELETE FROM "IndexValues" WHERE "TenantId" = (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven');
COMMIT;
ANALYZE;
