-- Photos attached to citizen feedback reports: cleaned copies in the file store, shown publicly
-- once staff have published them.

CREATE TABLE "FeedbackPhotos" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "StorageKey" character varying(64) NOT NULL,
    "ContentType" character varying(40) NOT NULL,
    "Size" bigint NOT NULL,
    "Width" integer NOT NULL,
    "Height" integer NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "UploadedBy" uuid,
    "ApprovedAt" timestamp with time zone,
    "ApprovedBy" uuid,
    CONSTRAINT "PK_FeedbackPhotos" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FeedbackPhotos_FeedbackReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "FeedbackReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FeedbackPhotos_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_FeedbackPhotos_ReportId_UploadedAt" ON "FeedbackPhotos" ("ReportId", "UploadedAt");
CREATE INDEX "IX_FeedbackPhotos_TenantId" ON "FeedbackPhotos" ("TenantId");
CREATE INDEX "IX_FeedbackPhotos_UploadedBy" ON "FeedbackPhotos" ("UploadedBy");
CREATE INDEX "IX_FeedbackPhotos_ApprovedBy" ON "FeedbackPhotos" ("ApprovedBy");
