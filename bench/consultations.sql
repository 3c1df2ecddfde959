-- Data for the consultation benchmarks (issue targets): in Община Сливен, 10,000 published
-- consultations for the list page, and one open consultation with a 100-unit draft and 2,000
-- comments (1,600 on units, 400 on the whole draft, a tenth of them replies) for its page.
-- Run by bench/consultations against the bench database after Glas has migrated and seeded it.
\set ON_ERROR_STOP on
BEGIN;
WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven')
INSERT INTO "Consultations" ("Id", "TenantId", "RegNumber", "Title", "Summary", "ActType", "PolicyArea", "ResponsibleUnit", "ProposalWays",
    "OpensOn", "ClosesOn", "OpensAt", "ClosesAt", "ShortTermReason", "Status", "DraftText", "CreatedAt", "CreatedBy", "UpdatedAt", "ReportPublishedAt", "ReminderSentAt")
SELECT gen_random_uuid(), t."Id", 'B-' || g, 'Наредба № ' || g || ' за изменение на общинските правила',
    'Резюме на проекта с номер ' || g || ' за обществено обсъждане.',
    (ARRAY['Ordinance','Rules','CouncilDecision','MayorOrder','Strategy','Plan','Programme','Budget','Other'])[1 + g % 9],
    (ARRAY['PublicOrder','Budget','Environment','Transport','Education','Social','Health','Culture','Urban','Economy','Administration','Agriculture','Tourism','Sport','Other'])[1 + g % 15],
    'Дирекция „Правна“', NULL,
    DATE '2020-01-01' + (g % 2400), DATE '2020-01-31' + (g % 2400),
    (DATE '2020-01-01' + (g % 2400))::timestamptz, (DATE '2020-02-01' + (g % 2400))::timestamptz,
    NULL, (ARRAY['Closed','ReportPublished','Adopted','Withdrawn'])[1 + g % 4], '', now(), NULL, now(), NULL, NULL
FROM generate_series(1, 10000) g, t;

WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven')
INSERT INTO "Consultations" ("Id", "TenantId", "RegNumber", "Title", "Summary", "ActType", "PolicyArea", "ResponsibleUnit", "ProposalWays",
    "OpensOn", "ClosesOn", "OpensAt", "ClosesAt", "ShortTermReason", "Status", "DraftText", "CreatedAt", "CreatedBy", "UpdatedAt", "ReportPublishedAt", "ReminderSentAt")
SELECT '00000000-0000-0000-0000-000000000100', t."Id", 'B-BIG', 'Наредба със 100 части и 2000 коментара', 'Голям проект за измерване.',
    'Ordinance', 'PublicOrder', 'Дирекция „Правна“', NULL, current_date - 5, current_date + 25,
    (current_date - 5)::timestamptz, (current_date + 26)::timestamptz, NULL, 'Open', '', now(), NULL, now(), NULL, NULL
FROM t;

INSERT INTO "ConsultationContacts" ("Id", "ConsultationId", "Position", "Name", "Email", "Phone")
VALUES (gen_random_uuid(), '00000000-0000-0000-0000-000000000100', 0, 'Служител', 'bench@example.org', NULL);

INSERT INTO "DraftUnits" ("Id", "ConsultationId", "Number", "Kind", "Label", "Path", "Text", "Depth")
SELECT gen_random_uuid(), '00000000-0000-0000-0000-000000000100', n, 'Article', 'Чл. ' || n || '.', 'Чл. ' || n,
    'Текст на член ' || n || ', достатъчно дълъг, за да прилича на истинска разпоредба от общинска наредба за обществения ред.', 1
FROM generate_series(1, 100) n;

CREATE TEMP TABLE bench_comments AS
SELECT gen_random_uuid() AS "Id", g,
    CASE WHEN g <= 1600 THEN (SELECT "Id" FROM "DraftUnits" WHERE "ConsultationId" = '00000000-0000-0000-0000-000000000100' AND "Number" = 1 + g % 100) END AS "UnitId"
FROM generate_series(1, 2000) g;

INSERT INTO "Comments" ("Id", "TenantId", "SubjectKind", "SubjectId", "UnitId", "ParentId", "AuthorId", "Shown", "OrganisationName", "Text", "CreatedAt", "SupportCount", "HiddenAt", "HiddenBy", "HiddenReason")
SELECT c."Id", (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven'), 'consultation', '00000000-0000-0000-0000-000000000100', c."UnitId", NULL,
    (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'citizen@example.org'),
    CASE WHEN g % 7 = 0 THEN 'Anonymous' ELSE 'DisplayName' END, NULL,
    'Коментар № ' || g || ': предлагам да се прецизира текстът и да се добави срок за изпълнение.',
    now() - make_interval(mins => 2000 - g), g % 5, NULL, NULL, NULL
FROM bench_comments c WHERE g % 10 <> 0;

-- Every tenth comment replies to the one before it.
INSERT INTO "Comments" ("Id", "TenantId", "SubjectKind", "SubjectId", "UnitId", "ParentId", "AuthorId", "Shown", "OrganisationName", "Text", "CreatedAt", "SupportCount", "HiddenAt", "HiddenBy", "HiddenReason")
SELECT c."Id", (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven'), 'consultation', '00000000-0000-0000-0000-000000000100', p."UnitId", p."Id",
    (SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'ngo@example.org'), 'DisplayName', NULL,
    'Отговор № ' || c.g || ': подкрепяме предложението.', now() - make_interval(mins => 2000 - c.g), 0, NULL, NULL, NULL
FROM bench_comments c JOIN bench_comments p ON p.g = c.g - 1 WHERE c.g % 10 = 0;
COMMIT;
ANALYZE;
