-- The newest entries of an administration first, in the order search ranks its candidates (date, then
-- id): a common query's newest matches are found by walking this index instead of collecting every
-- match from the GIN index.
CREATE INDEX "IX_SearchEntries_TenantId_Date_ItemId" ON "SearchEntries" ("TenantId", "Date", "ItemId");
