-- One documents component for every module. Consultations' documents and their versions move as
-- they are (ids, storage keys and hashes kept); each project document becomes a document (its id
-- kept unless taken) with its file, when it has one, as the first version. Then the old tables go.

CREATE TABLE "Documents" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SubjectKind" character varying(30) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "Type" character varying(30) NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Language" character varying(2) NOT NULL DEFAULT 'bg',
    "DocumentDate" timestamp with time zone NOT NULL,
    "Url" character varying(500),
    CONSTRAINT "PK_Documents" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_Documents_Language" CHECK ("Language" IN ('bg', 'en')),
    CONSTRAINT "FK_Documents_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

-- A consultation's document is dated by its first upload.
INSERT INTO "Documents" ("Id", "TenantId", "SubjectKind", "SubjectId", "Type", "Title", "Language", "DocumentDate", "Url")
SELECT d."Id", d."TenantId", 'consultation', d."ConsultationId", d."Type", d."Title", 'bg',
       coalesce((SELECT min(v."UploadedAt") FROM "DocumentVersions" v WHERE v."DocumentId" = d."Id"), c."CreatedAt", now()), NULL
FROM "ConsultationDocuments" d
LEFT JOIN "Consultations" c ON c."Id" = d."ConsultationId";

CREATE TEMPORARY TABLE "ProjectDocumentIds" ON COMMIT DROP AS
SELECT p."Id" AS "OldId",
       CASE WHEN EXISTS (SELECT 1 FROM "Documents" d WHERE d."Id" = p."Id") THEN gen_random_uuid() ELSE p."Id" END AS "NewId"
FROM "ProjectDocuments" p;

INSERT INTO "Documents" ("Id", "TenantId", "SubjectKind", "SubjectId", "Type", "Title", "Language", "DocumentDate", "Url")
SELECT m."NewId", p."TenantId", 'project', p."ProjectId", p."Kind", p."Title", 'bg', p."PublishedAt", p."Url"
FROM "ProjectDocuments" p
JOIN "ProjectDocumentIds" m ON m."OldId" = p."Id";

-- The versions table stays (its rows and ids with it) and now belongs to Documents.
ALTER TABLE "DocumentVersions" DROP CONSTRAINT "FK_DocumentVersions_ConsultationDocuments_DocumentId";
ALTER TABLE "DocumentVersions" ALTER COLUMN "Sha256" DROP NOT NULL;
ALTER TABLE "DocumentVersions" ADD "Note" character varying(500);
ALTER TABLE "DocumentVersions" ADD CONSTRAINT "FK_DocumentVersions_Documents_DocumentId"
    FOREIGN KEY ("DocumentId") REFERENCES "Documents" ("Id") ON DELETE CASCADE;

-- A project file's hash was never recorded: it stays unknown rather than made up.
INSERT INTO "DocumentVersions" ("Id", "DocumentId", "FileName", "ContentType", "Size", "Sha256", "StorageKey", "UploadedAt", "UploadedBy", "Note")
SELECT gen_random_uuid(), m."NewId", coalesce(p."FileName", 'document'), coalesce(p."ContentType", 'application/octet-stream'), coalesce(p."Size", 0),
       NULL, p."StorageKey", p."PublishedAt", NULL, NULL
FROM "ProjectDocuments" p
JOIN "ProjectDocumentIds" m ON m."OldId" = p."Id"
WHERE p."StorageKey" IS NOT NULL;

DROP TABLE "ProjectDocuments";
DROP TABLE "ConsultationDocuments";

CREATE INDEX "IX_Documents_TenantId_SubjectKind_SubjectId" ON "Documents" ("TenantId", "SubjectKind", "SubjectId");
CREATE INDEX "IX_DocumentVersions_UploadedBy" ON "DocumentVersions" ("UploadedBy");
