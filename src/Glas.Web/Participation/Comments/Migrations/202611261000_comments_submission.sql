-- A comment remembers the form submission that wrote it, so that the same form sent twice adds one comment.
ALTER TABLE "Comments" ADD COLUMN "SubmissionId" uuid;

CREATE UNIQUE INDEX "IX_Comments_AuthorId_SubmissionId" ON "Comments" ("AuthorId", "SubmissionId") WHERE "SubmissionId" IS NOT NULL;
