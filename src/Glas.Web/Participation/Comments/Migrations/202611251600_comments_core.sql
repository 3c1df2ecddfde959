-- One comments component for the subjects of every module. The consultations' "Comments" table
-- becomes the generic one (its rows are comments on consultations), the projects' comments move
-- into it with their ids and hidden state, and supports, reports and the справка's answers keep
-- pointing at the same comment ids.

-- Consultations' comments: the subject is named by kind and id, without a foreign key to a module's table.
ALTER TABLE "Comments" DROP CONSTRAINT "FK_Comments_Consultations_ConsultationId";
ALTER TABLE "Comments" DROP CONSTRAINT "FK_Comments_DraftUnits_UnitId";
DROP INDEX "IX_Comments_ConsultationId_UnitId_CreatedAt";
DROP INDEX "IX_Comments_UnitId";
ALTER TABLE "Comments" RENAME COLUMN "ConsultationId" TO "SubjectId";
ALTER TABLE "Comments" ADD COLUMN "SubjectKind" character varying(40) NOT NULL DEFAULT 'consultation';
ALTER TABLE "Comments" ALTER COLUMN "SubjectKind" DROP DEFAULT;
ALTER TABLE "Comments" ADD COLUMN "EditedAt" timestamp with time zone;

-- Projects' comments, as they were: shown under the author's display name, never supported.
INSERT INTO "Comments" ("Id", "TenantId", "SubjectKind", "SubjectId", "UnitId", "ParentId", "AuthorId", "Shown", "OrganisationName",
                        "Text", "CreatedAt", "EditedAt", "SupportCount", "HiddenAt", "HiddenBy", "HiddenReason")
SELECT "Id", "TenantId", 'project', "ProjectId", NULL, NULL, "AuthorId", 'DisplayName', NULL,
       "Text", "CreatedAt", NULL, 0, "HiddenAt", "HiddenById", "HiddenReason"
FROM "ProjectComments";

DROP TABLE "ProjectComments";

CREATE INDEX "IX_Comments_SubjectKind_SubjectId_UnitId_CreatedAt" ON "Comments" ("SubjectKind", "SubjectId", "UnitId", "CreatedAt");

CREATE INDEX "IX_Comments_TenantId_CreatedAt" ON "Comments" ("TenantId", "CreatedAt");
