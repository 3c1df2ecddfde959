-- Data for the policy monitoring benchmarks (issue targets), in Община Сливен: one policy
-- (id ...0200) with 5 goals, 50 measures and 200 indicators with 10 yearly values each, and
-- 20,000 recommendations in every stage over five years for the tracker.
-- Run by bench/monitoring/run against the bench database after Glas has migrated and seeded it.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE t AS SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven';

INSERT INTO "Policies" ("Id", "TenantId", "Title", "Kind", "Area", "ResponsibleUnit", "StartYear", "EndYear", "Summary", "CreatedAt", "UpdatedAt")
SELECT '00000000-0000-0000-0000-000000000200', t."Id", 'Стратегия с 50 мерки и 200 индикатора', 'Strategy', 'Добро управление',
    'Дирекция „Стратегическо планиране“', 2017, 2030, 'Голяма стратегия за измерване.', now(), now() FROM t;

INSERT INTO "PolicyGoals" ("Id", "TenantId", "PolicyId", "Position", "Title")
SELECT ('00000000-0000-0000-0001-' || lpad(g::text, 12, '0'))::uuid, t."Id", '00000000-0000-0000-0000-000000000200', g, 'Цел ' || g || ': по-добро управление и участие'
FROM generate_series(1, 5) g, t;

INSERT INTO "PolicyMeasures" ("Id", "TenantId", "GoalId", "Position", "Title", "ResponsibleUnit", "PlannedStart", "PlannedEnd", "Budget", "Currency", "Status", "Progress", "UpdatedAt")
SELECT gen_random_uuid(), t."Id", ('00000000-0000-0000-0001-' || lpad((1 + m % 5)::text, 12, '0'))::uuid, m, 'Мярка ' || m || ' за подобряване на обслужването',
    'Отдел „Проекти“', DATE '2018-01-01' + (m * 30), DATE '2026-01-01' + (m * 30), CASE WHEN m % 3 = 0 THEN NULL ELSE 10000 + m * 250 END,
    CASE WHEN m % 3 = 0 THEN NULL ELSE 'EUR' END,
    (ARRAY['NotStarted','InProgress','Completed','Delayed','Cancelled'])[1 + m % 5], (m * 7) % 101, now()
FROM generate_series(1, 50) m, t;

CREATE TEMP TABLE bench_ind AS SELECT gen_random_uuid() AS "Id", i FROM generate_series(1, 200) i;

INSERT INTO "PolicyIndicators" ("Id", "TenantId", "GoalId", "Position", "Code", "Name", "Unit", "UnitLabel", "BaselineValue", "BaselineYear",
    "TargetValue", "TargetYear", "Direction", "DataSource", "Frequency")
SELECT b."Id", t."Id", ('00000000-0000-0000-0001-' || lpad((1 + i % 5)::text, 12, '0'))::uuid, i, 'B-' || i, 'Индикатор ' || i || ' за изпълнението',
    'Percent', '%', 20, 2016, CASE WHEN i % 2 = 0 THEN 90 ELSE 5 END, 2030, CASE WHEN i % 2 = 0 THEN 'HigherIsBetter' ELSE 'LowerIsBetter' END,
    'Годишен отчет', 'годишно'
FROM bench_ind b, t;

INSERT INTO "IndicatorValues" ("Id", "TenantId", "IndicatorId", "Year", "Value", "SourceNote", "ReportedAt", "ReportedById", "ReportedByName", "ReplacedAt")
SELECT gen_random_uuid(), t."Id", b."Id", 2016 + y, CASE WHEN i % 2 = 0 THEN 20 + y * (i % 8) ELSE 20 - y * 1.5 END, 'Отчет за ' || (2016 + y),
    make_timestamptz(2017 + y, 3, 31, 10, 0, 0), NULL, 'Служител', NULL
FROM bench_ind b, generate_series(1, 10) y, t;

INSERT INTO "Recommendations" ("Id", "TenantId", "Source", "ReportId", "PolicyId", "MeasureId", "Title", "Text", "AddresseeUnit", "AuthorUserId", "AuthorName",
    "CreatedAt", "AnswerDue", "Answer", "AnswerReason", "PlannedAction", "Deadline", "AnsweredAt", "Implementation", "Evidence", "UpdatedAt")
SELECT gen_random_uuid(), t."Id", (ARRAY['Analysis','MonitoringReport','Organisation'])[1 + g % 3], NULL,
    CASE WHEN g % 4 = 0 THEN '00000000-0000-0000-0000-000000000200'::uuid END, NULL,
    'Препоръка № ' || g || ' за по-добро публикуване на данни', 'Текст на препоръката.',
    (ARRAY['Дирекция „Правна“','Отдел „Проекти“','Дирекция „Финанси“','Отдел „Образование“'])[1 + g % 4], NULL, 'Сдружение',
    make_timestamptz(2021 + g % 5, 1 + g % 12, 1 + g % 28, 10, 0, 0), make_date(2021 + g % 5, 1 + g % 12, 1 + g % 28) + 30,
    (ARRAY['Pending','Accepted','PartiallyAccepted','NotAccepted','Accepted','Accepted'])[1 + g % 6],
    CASE WHEN g % 6 = 3 THEN 'Няма средства.' END, CASE WHEN g % 6 IN (1, 2, 4, 5) THEN 'План.' END,
    CASE WHEN g % 6 IN (1, 2, 4, 5) THEN make_date(2022 + g % 5, 1 + g % 12, 1) END,
    CASE WHEN g % 6 <> 0 THEN make_timestamptz(2021 + g % 5, 1 + g % 12, 1 + g % 28, 12, 0, 0) END,
    CASE WHEN g % 6 IN (1, 2, 4, 5) THEN (ARRAY['Planned','InProgress','Implemented','NotImplemented'])[1 + (g / 6) % 4] END,
    NULL, now()
FROM generate_series(1, 20000) g, t;
COMMIT;
ANALYZE;
