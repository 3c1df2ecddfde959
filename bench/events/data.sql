-- Data for the events and bodies benchmarks (issue targets), in Община Сливен: 5,000 events over
-- the twelve months from the current one (about 420 a month, a fifth online, some cancelled, some
-- with registrations), and a body (id ...0300) with 15 members and 500 meetings of 3 agenda items.
-- Run by bench/events/run against the bench database after Glas has migrated and seeded it.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE t AS SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven';

CREATE TEMP TABLE bench_events AS
SELECT gen_random_uuid() AS "Id", g, date_trunc('month', now()) + make_interval(hours => (g * 7) % (24 * 365)) AS starts
FROM generate_series(1, 5000) g;

INSERT INTO "Events" ("Id", "TenantId", "Kind", "Status", "Title", "Description", "StartsAt", "EndsAt", "Place", "OnlineUrl", "Accessibility", "Capacity",
    "RegistrationOpensAt", "RegistrationClosesAt", "Organiser", "ConsultationId", "Report", "CreatedAt", "UpdatedAt")
SELECT e."Id", t."Id", (ARRAY['PublicDiscussion','PublicEvent','InformationMeeting','Training','Forum'])[1 + g % 5],
    CASE WHEN g % 17 = 0 THEN 'Cancelled' ELSE 'Scheduled' END, 'Събитие № ' || g || ': среща с гражданите',
    'Описание на събитие № ' || g || '.', e.starts, e.starts + interval '2 hours',
    CASE WHEN g % 5 = 0 THEN NULL ELSE 'Зала ' || (g % 9) || ', пл. „Хаджи Димитър“ 1' END,
    CASE WHEN g % 5 = 0 THEN 'https://meet.example.org/' || g END, NULL, CASE WHEN g % 3 = 0 THEN 40 END,
    NULL, NULL, 'Община Сливен', NULL, NULL, now(), now()
FROM bench_events e, t;

INSERT INTO "EventRegistrations" ("Id", "TenantId", "EventId", "UserId", "Name", "Email", "Status", "Token", "RegisteredAt", "CancelledAt", "ReminderSentAt", "Attended")
SELECT gen_random_uuid(), t."Id", e."Id", NULL, 'Участник ' || r, 'p' || r || '-' || e.g || '@example.org',
    CASE WHEN r > 40 THEN 'Waitlisted' ELSE 'Confirmed' END, md5(e."Id"::text || r), now(), NULL, NULL, false
FROM bench_events e, generate_series(1, 45) r, t WHERE e.g % 3 = 0 AND e.g % 2 = 0;

INSERT INTO "Bodies" ("Id", "TenantId", "Kind", "Name", "Mandate", "CreatingAct", "TermStart", "TermEnd", "Contact", "CreatedAt", "UpdatedAt")
SELECT '00000000-0000-0000-0000-000000000300', t."Id", 'CivicCouncil', 'Граждански съвет с 500 заседания', 'Съвет за измерване.',
    'Решение № 1', DATE '2000-01-01', NULL, NULL, now(), now() FROM t;

INSERT INTO "BodyMembers" ("Id", "TenantId", "BodyId", "PublicName", "Organisation", "Role", "From", "To", "UserId")
SELECT gen_random_uuid(), t."Id", '00000000-0000-0000-0000-000000000300', 'Член ' || m, 'Сдружение ' || m,
    CASE WHEN m = 1 THEN 'Chair' WHEN m = 2 THEN 'Secretary' ELSE 'Member' END, DATE '2000-01-01', CASE WHEN m > 12 THEN DATE '2020-01-01' END, NULL
FROM generate_series(1, 15) m, t;

CREATE TEMP TABLE bench_meetings AS
SELECT gen_random_uuid() AS "Id", g, now() - make_interval(days => 14 * (g - 20)) AS starts FROM generate_series(1, 500) g;

INSERT INTO "Meetings" ("Id", "TenantId", "BodyId", "Title", "StartsAt", "EndsAt", "Place", "OnlineUrl", "Status", "Attendance", "CreatedAt", "UpdatedAt")
SELECT m."Id", t."Id", '00000000-0000-0000-0000-000000000300', 'Заседание № ' || g, m.starts, m.starts + interval '2 hours', 'Заседателна зала', NULL,
    CASE WHEN g <= 20 THEN 'Planned' WHEN g % 25 = 0 THEN 'Cancelled' ELSE 'Held' END, CASE WHEN g > 20 AND g % 25 <> 0 THEN 9 END, now(), now()
FROM bench_meetings m, t;

INSERT INTO "AgendaItems" ("Id", "TenantId", "MeetingId", "Number", "Title", "Decision", "VotesFor", "VotesAgainst", "VotesAbstained")
SELECT gen_random_uuid(), t."Id", m."Id", n, 'Точка ' || n || ' от дневния ред', CASE WHEN m.g > 20 THEN 'Приема.' END,
    CASE WHEN m.g > 20 THEN 7 END, CASE WHEN m.g > 20 THEN 1 END, CASE WHEN m.g > 20 THEN 1 END
FROM bench_meetings m, generate_series(1, 3) n, t;
COMMIT;
ANALYZE;
