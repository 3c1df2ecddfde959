-- A common query walks the date index to its newest matches. The walk read each entry from the table
-- (about 1.5 kB a row) to test its vector; now the index holds the vector itself when it is short, so
-- the walk reads the index alone. A btree entry holds at most about 2.7 kB, so only vectors of at most
-- 1,100 bytes as text are copied (their stored form is at most twice that, with positions); a longer
-- one is left NULL in the copy, and the walk reads it from the table.
ALTER TABLE "SearchEntries" ADD COLUMN "ShortVector" tsvector
    GENERATED ALWAYS AS (CASE WHEN octet_length("Vector"::text) <= 1100 THEN "Vector" END) STORED;
DROP INDEX "IX_SearchEntries_TenantId_Date_ItemId";
CREATE INDEX "IX_SearchEntries_TenantId_Date_ItemId" ON "SearchEntries" ("TenantId", "Date", "ItemId") INCLUDE ("Module", "ShortVector");
