-- Recurring work (the consultation clock, the daily digest) runs on the job runner: the runner books
-- the next run of each recurring kind after every run, and this index keeps it to one booking per
-- kind however many instances try at once.
ALTER TABLE "Jobs" ADD "Recurring" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "Jobs" ALTER COLUMN "Recurring" DROP DEFAULT;

-- Digests booked the old way become the recurring booking (one per kind; extra ones are dropped).
DELETE FROM "Jobs" AS j WHERE j."Kind" = 'notifications.digest' AND j."Status" IN ('Pending', 'Running')
    AND EXISTS (SELECT 1 FROM "Jobs" AS o WHERE o."Kind" = j."Kind" AND o."Status" IN ('Pending', 'Running') AND o."Id" < j."Id");
UPDATE "Jobs" SET "Recurring" = TRUE WHERE "Kind" = 'notifications.digest' AND "Status" IN ('Pending', 'Running');

CREATE UNIQUE INDEX "IX_Jobs_Kind" ON "Jobs" ("Kind") WHERE "Recurring" AND "Status" IN ('Pending', 'Running');
