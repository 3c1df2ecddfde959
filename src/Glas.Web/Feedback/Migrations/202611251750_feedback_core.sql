-- Citizen feedback (АПК, глава осма): categories per administration, registered reports with their
-- deadlines and answers, and each report's timeline (public steps and internal notes).

CREATE TABLE "FeedbackCategories" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Code" character varying(40) NOT NULL,
    "NameBg" character varying(200) NOT NULL,
    "NameEn" character varying(200) NOT NULL,
    "Department" character varying(200),
    "SortOrder" integer NOT NULL,
    CONSTRAINT "PK_FeedbackCategories" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FeedbackCategories_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FeedbackReports" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Number" character varying(20) NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "CategoryId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Description" character varying(5000) NOT NULL,
    "Address" character varying(300) NOT NULL,
    "Latitude" double precision,
    "Longitude" double precision,
    "IsPublic" boolean NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Source" character varying(20) NOT NULL,
    "ReporterUserId" uuid,
    "ReporterName" character varying(120) NOT NULL,
    "ReporterEmail" character varying(256),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "Extensions" integer NOT NULL,
    "Department" character varying(200),
    "AssigneeUserId" uuid,
    "Answer" character varying(5000),
    "AnsweredAt" timestamp with time zone,
    "ClosedAt" timestamp with time zone,
    "ForwardedTo" character varying(300),
    "DuplicateOfId" uuid,
    "RejectReason" character varying(1000),
    "Rating" integer,
    "RatingRemark" character varying(1000),
    "RatedAt" timestamp with time zone,
    "Reopened" boolean NOT NULL,
    CONSTRAINT "PK_FeedbackReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FeedbackReports_FeedbackCategories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "FeedbackCategories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FeedbackReports_FeedbackReports_DuplicateOfId" FOREIGN KEY ("DuplicateOfId") REFERENCES "FeedbackReports" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FeedbackReports_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FeedbackEvents" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Status" character varying(20),
    "Text" character varying(5000),
    "IsPublic" boolean NOT NULL,
    "ActorUserId" uuid,
    CONSTRAINT "PK_FeedbackEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FeedbackEvents_FeedbackReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "FeedbackReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_FeedbackEvents_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_FeedbackCategories_TenantId_Code" ON "FeedbackCategories" ("TenantId", "Code");
CREATE INDEX "IX_FeedbackEvents_ActorUserId" ON "FeedbackEvents" ("ActorUserId");
CREATE INDEX "IX_FeedbackEvents_ReportId_At" ON "FeedbackEvents" ("ReportId", "At");
CREATE INDEX "IX_FeedbackEvents_TenantId" ON "FeedbackEvents" ("TenantId");
CREATE INDEX "IX_FeedbackReports_AssigneeUserId" ON "FeedbackReports" ("AssigneeUserId");
CREATE INDEX "IX_FeedbackReports_CategoryId" ON "FeedbackReports" ("CategoryId");
CREATE INDEX "IX_FeedbackReports_DuplicateOfId" ON "FeedbackReports" ("DuplicateOfId");
CREATE INDEX "IX_FeedbackReports_ReporterUserId" ON "FeedbackReports" ("ReporterUserId");
CREATE INDEX "IX_FeedbackReports_TenantId_CategoryId_DueAt" ON "FeedbackReports" ("TenantId", "CategoryId", "DueAt");
CREATE INDEX "IX_FeedbackReports_TenantId_CreatedAt" ON "FeedbackReports" ("TenantId", "CreatedAt");
CREATE INDEX "IX_FeedbackReports_TenantId_DueAt" ON "FeedbackReports" ("TenantId", "DueAt");
CREATE UNIQUE INDEX "IX_FeedbackReports_TenantId_Number" ON "FeedbackReports" ("TenantId", "Number");
CREATE INDEX "IX_FeedbackReports_TenantId_Status_DueAt" ON "FeedbackReports" ("TenantId", "Status", "DueAt");
