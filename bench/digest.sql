-- bench/digest: 10,000 confirmed weekly subscribers by e-mail in Община Сливен with a mix of kinds
-- and topics, and 60 items announced over the past week across the six kinds of content.
INSERT INTO "Subscriptions" ("Id", "TenantId", "UserId", "Email", "Kinds", "Topics", "Frequency", "CreatedAt", "ConfirmedAt", "DigestThrough")
SELECT gen_random_uuid(), t."Id", NULL, 'subscriber' || n || '@example.org',
       CASE n % 3 WHEN 0 THEN ARRAY['news', 'library', 'consultations', 'events', 'surveys', 'monitoring']
                  WHEN 1 THEN ARRAY['news', 'consultations'] ELSE ARRAY['library', 'events'] END,
       CASE n % 4 WHEN 0 THEN ARRAY[]::text[] WHEN 1 THEN ARRAY['budget'] WHEN 2 THEN ARRAY['participation', 'urban']
                  ELSE ARRAY['culture', 'education', 'transport'] END,
       'Weekly', now() - interval '30 days', now() - interval '30 days', now() - interval '8 days'
FROM "Tenants" t, generate_series(1, 10000) AS n
WHERE t."Slug" = 'sliven';

INSERT INTO "AnnouncedItems" ("Id", "TenantId", "Module", "ItemId", "Title", "Summary", "Path", "Topics", "PublishedAt", "AnnouncedAt")
SELECT gen_random_uuid(), t."Id", (ARRAY['news', 'library', 'consultations', 'events', 'surveys', 'monitoring'])[1 + n % 6], i,
       'Новост за седмичния бюлетин № ' || n, 'Кратко описание на новост № ' || n, '/news/' || i,
       CASE (n / 6) % 4 WHEN 0 THEN ARRAY['budget'] WHEN 1 THEN ARRAY['participation', 'urban'] WHEN 2 THEN ARRAY['culture'] ELSE ARRAY[]::text[] END,
       now() - (n * 2 || ' hours')::interval, now() - (n * 2 || ' hours')::interval
FROM "Tenants" t, (SELECT n, gen_random_uuid() AS i FROM generate_series(1, 60) AS n) AS s
WHERE t."Slug" = 'sliven';
