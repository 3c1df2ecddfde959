-- Data for the surveys benchmark (issue target: a 30-question survey with 100,000 responses).
-- One public survey in Община Сливен (id 00000000-0000-0000-0000-000000000300) in three sections
-- of ten questions — single and multiple choice, 1–5 and 0–10 scales, a three-row matrix, numbers,
-- short and long text — asking the respondent's group, open, with its results published; and
-- 100,000 submitted responses over the last 60 days, each answer derived deterministically from
-- the response's and the question's number, stored as the app stores them (answers as JSON, codes
-- and numbers for counting).
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_q ON COMMIT DROP AS
SELECT q, CASE q % 6 WHEN 1 THEN 'SingleChoice' WHEN 2 THEN 'MultipleChoice' WHEN 3 THEN 'Likert' WHEN 4 THEN 'Scale10' WHEN 5 THEN 'Matrix'
          ELSE CASE q WHEN 12 THEN 'ShortText' WHEN 24 THEN 'LongText' ELSE 'Number' END END AS type
FROM generate_series(1, 30) q;

WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven'),
qs AS (
  SELECT q, (q - 1) / 10 AS section, jsonb_build_object(
    'no', q, 'type', type, 'text', 'Въпрос ' || q || ' от анкетата за измерване', 'required', type NOT IN ('ShortText', 'LongText'),
    'options', CASE WHEN type IN ('SingleChoice', 'MultipleChoice')
      THEN (SELECT jsonb_agg(jsonb_build_object('code', o, 'label', 'Отговор ' || o) ORDER BY o) FROM generate_series(1, CASE type WHEN 'SingleChoice' THEN 5 ELSE 6 END) o)
      ELSE '[]'::jsonb END,
    'rows', CASE WHEN type = 'Matrix' THEN (SELECT jsonb_agg(jsonb_build_object('code', r, 'label', 'Твърдение ' || r) ORDER BY r) FROM generate_series(1, 3) r) ELSE '[]'::jsonb END,
    'min', CASE type WHEN 'MultipleChoice' THEN 1 WHEN 'Number' THEN 0 END,
    'max', CASE type WHEN 'MultipleChoice' THEN 3 WHEN 'Number' THEN 100 END) AS j
  FROM bench_q)
INSERT INTO "Surveys" ("Id", "TenantId", "Title", "Introduction", "Audience", "AskGroup", "Launched", "OpensAt", "ClosesAt", "ResultsPublished", "TextPublished",
    "Definition", "CreatedAt", "UpdatedAt")
SELECT '00000000-0000-0000-0000-000000000300', t."Id", 'Анкета с 30 въпроса за измерване', 'Анкета за измерване на бързината.', 'Public', true, true,
    now() - interval '61 days', now() + interval '30 days', true, false,
    jsonb_build_object('sections', (SELECT jsonb_agg(jsonb_build_object('title', 'Част ' || (s + 1), 'questions', (SELECT jsonb_agg(j ORDER BY q) FROM qs WHERE section = s)) ORDER BY s)
                                    FROM generate_series(0, 2) s), 'nextNo', 31),
    now() - interval '62 days', now() - interval '61 days'
FROM t;

-- 10,007 answer sets (a prime, so they do not line up with the groups or the days); response g
-- takes set g % 10007.
CREATE TEMP TABLE bench_a ON COMMIT DROP AS
SELECT g AS p, a.answers, a.codes, a.numbers
FROM generate_series(0, 10006) g
CROSS JOIN LATERAL (
  SELECT coalesce(jsonb_object_agg(x.q::text, x.ans) FILTER (WHERE x.ans IS NOT NULL), '{}') AS answers,
         coalesce(string_to_array(string_agg(nullif(array_to_string(x.codes, ','), ''), ',' ORDER BY x.q), ',')::int[], '{}') AS codes,
         coalesce(string_to_array(string_agg(nullif(array_to_string(x.nums, ','), ''), ',' ORDER BY x.q), ',')::float8[], '{}') AS numbers
  FROM (
    SELECT b.q, v.ans, v.codes, v.nums
    FROM bench_q b
    CROSS JOIN LATERAL (SELECT (g::bigint * 2654435761 + b.q * 97531) % 1000003 AS h) hh
    CROSS JOIN LATERAL (SELECT
        1 + hh.h % 5 AS v5, 1 + (hh.h / 7) % 6 AS m1, 1 + (hh.h / 11) % 6 AS m2, hh.h % 11 AS v10,
        1 + (hh.h / 3) % 5 AS r1, 1 + (hh.h / 13) % 5 AS r2, 1 + (hh.h / 17) % 5 AS r3, hh.h % 101 AS n) c
    CROSS JOIN LATERAL (SELECT
      CASE b.type
        WHEN 'SingleChoice' THEN jsonb_build_object('choices', jsonb_build_array(c.v5))
        WHEN 'MultipleChoice' THEN jsonb_build_object('choices', CASE WHEN c.m1 = c.m2 THEN jsonb_build_array(c.m1) ELSE jsonb_build_array(least(c.m1, c.m2), greatest(c.m1, c.m2)) END)
        WHEN 'Likert' THEN jsonb_build_object('choices', jsonb_build_array(least(5, c.v5 + (g % 3 = 0)::int)))
        WHEN 'Scale10' THEN jsonb_build_object('choices', jsonb_build_array(c.v10))
        WHEN 'Matrix' THEN jsonb_build_object('rows', jsonb_build_object('1', c.r1, '2', c.r2, '3', c.r3))
        WHEN 'Number' THEN jsonb_build_object('number', c.n)
        WHEN 'ShortText' THEN CASE WHEN g % 4 = 0 THEN jsonb_build_object('text', 'Кратък отговор ' || (g % 50)) END
        ELSE CASE WHEN g % 10 = 0 THEN jsonb_build_object('text', 'По-дълъг отговор с мнение за обслужването и предложение за подобрение ' || (g % 70)) END
      END AS ans,
      CASE b.type
        WHEN 'SingleChoice' THEN ARRAY[b.q * 10000 + c.v5]
        WHEN 'MultipleChoice' THEN CASE WHEN c.m1 = c.m2 THEN ARRAY[b.q * 10000 + c.m1] ELSE ARRAY[b.q * 10000 + least(c.m1, c.m2), b.q * 10000 + greatest(c.m1, c.m2)] END
        WHEN 'Likert' THEN ARRAY[b.q * 10000 + least(5, c.v5 + (g % 3 = 0)::int)]
        WHEN 'Scale10' THEN ARRAY[b.q * 10000 + c.v10]
        WHEN 'Matrix' THEN ARRAY[b.q * 10000 + 100 + c.r1, b.q * 10000 + 200 + c.r2, b.q * 10000 + 300 + c.r3]
        ELSE '{}'::int[]
      END AS codes,
      CASE WHEN b.type = 'Number' THEN ARRAY[b.q::float8, c.n::float8] ELSE '{}'::float8[] END AS nums) v
  ) x
) a;

WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven')
INSERT INTO "SurveyResponses" ("Id", "TenantId", "SurveyId", "Group", "Answers", "Codes", "Numbers", "StartedAt", "SubmittedAt", "TextHidden")
SELECT gen_random_uuid(), t."Id", '00000000-0000-0000-0000-000000000300',
    (ARRAY['citizen', 'citizen', 'citizen', 'citizen', 'ngo', 'business', 'staff', 'other'])[1 + g % 8],
    a.answers, a.codes, a.numbers,
    now() - make_interval(mins => g % 86400 + 5), now() - make_interval(mins => g % 86400), false
FROM generate_series(1, 100000) g
CROSS JOIN t
JOIN bench_a a ON a.p = g % 10007;
COMMIT;
ANALYZE "SurveyResponses";
