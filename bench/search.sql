-- Data for the search benchmark (issue target: 200,000 documents, ≤ 30 ms median at one connection):
-- 200,000 index entries in Община Сливен, each a title of 6 and a text of 40 words drawn at random
-- from a vocabulary of 94 common words of local government (their stems as Glas computes them).
-- Every word then stands in about a third of the entries: a harsher mix than real text, where most
-- words are rare. Run by bench/search against the bench database after Glas has migrated and seeded.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE vocabulary (word text, stem text);
INSERT INTO vocabulary VALUES
('бюджет','бюджет'),
('бюджета','бюдж'),
('общината','общин'),
('общински','общинск'),
('наредба','наредб'),
('наредбата','наредб'),
('обществен','обществн'),
('ред','ред'),
('улица','улиц'),
('улиците','улиц'),
('ремонт','ремонт'),
('ремонта','ремон'),
('училище','училищ'),
('училищата','учил'),
('детска','детск'),
('градина','градин'),
('детските','детск'),
('градини','градин'),
('транспорт','транспорт'),
('автобус','автобус'),
('автобусите','автобух'),
('паркинг','паркинг'),
('паркинги','паркинг'),
('зелени','зелян'),
('площи','площ'),
('парк','парк'),
('парка','парк'),
('отпадъци','отпадк'),
('отпадъците','отпадк'),
('събиране','събиран'),
('сметосъбиране','сметосъбиран'),
('такса','такс'),
('таксата','такс'),
('данък','данък'),
('данъци','данък'),
('култура','култур'),
('читалище','читалищ'),
('читалища','читал'),
('спорт','спорт'),
('спортна','спортн'),
('зала','зал'),
('площадка','площадк'),
('площадки','площадк'),
('осветление','осветлени'),
('уличното','уличн'),
('здравеопазване','здравеопазван'),
('болница','болниц'),
('социални','социалн'),
('услуги','услуг'),
('възрастни','възрастн'),
('хора','хор'),
('младежи','младяж'),
('туризъм','туризм'),
('проект','проект'),
('проекта','проек'),
('програма','програм'),
('програмата','програм'),
('стратегия','стратег'),
('стратегията','стратеги'),
('план','план'),
('плана','план'),
('регионално','регионалн'),
('развитие','развити'),
('инвестиции','инвестици'),
('капиталови','капиталов'),
('разходи','разход'),
('приходи','приход'),
('вода','вод'),
('водопровод','водопровод'),
('канализация','канализац'),
('пътища','път'),
('пътя','път'),
('тротоари','тротоар'),
('безопасност','безопасност'),
('полиция','полиц'),
('шум','шум'),
('нощта','нощт'),
('собственост','собственост'),
('имоти','имот'),
('имотите','имот'),
('наем','наем'),
('търг','търг'),
('концесия','концес'),
('кмет','кмет'),
('кметът','кмет'),
('съвет','съвет'),
('съвета','съв'),
('решение','решени'),
('решението','решени'),
('граждани','граждан'),
('гражданите','граждан'),
('участие','участи'),
('консултация','консултац'),
('консултацията','консултаци')
;
CREATE TEMP TABLE v AS SELECT (row_number() OVER () - 1)::int AS i, word, stem FROM vocabulary;

WITH t AS (SELECT "Id" FROM "Tenants" WHERE "Slug" = 'sliven'),
docs AS (
    SELECT g, array(SELECT floor(random() * 94)::int FROM generate_series(1, 40 + 0 * g)) AS idx
    FROM generate_series(1, 200000) g)
INSERT INTO "SearchEntries" ("Module", "ItemId", "TenantId", "Kind", "Title", "Text", "Path", "Date", "Vector", "IndexedAt")
SELECT 'bench', gen_random_uuid(), t."Id", 'bench', x.title, x.body, '/bench/' || docs.g, now() - (docs.g % 3650) * interval '1 day',
    setweight(to_tsvector('simple', x.title_stems), 'A') || to_tsvector('simple', x.body_stems), now()
FROM docs, t, LATERAL (
    SELECT string_agg(v.word, ' ' ORDER BY u.o) FILTER (WHERE u.o <= 6) AS title,
           string_agg(v.stem, ' ' ORDER BY u.o) FILTER (WHERE u.o <= 6) AS title_stems,
           string_agg(v.word, ' ' ORDER BY u.o) AS body,
           string_agg(v.stem, ' ' ORDER BY u.o) AS body_stems
    FROM unnest(docs.idx) WITH ORDINALITY AS u(i, o) JOIN v ON v.i = u.i) x;
COMMIT;
-- Vacuumed as well: straight after a bulk load the visibility map is empty, and the walk down the
-- date index could not answer from the index alone (autovacuum does this to a table in use).
VACUUM ANALYZE "SearchEntries";
