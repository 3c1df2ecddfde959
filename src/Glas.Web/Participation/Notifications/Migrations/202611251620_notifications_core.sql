-- Follow and notify as one shared component: consultations' follows become follows of any item
-- (kind + id, in its administration), kept row for row; notices and each person's e-mail choice.

ALTER TABLE "Follows" DROP CONSTRAINT "FK_Follows_Consultations_ConsultationId";
ALTER TABLE "Follows" DROP CONSTRAINT "PK_Follows";
ALTER TABLE "Follows" RENAME COLUMN "ConsultationId" TO "SubjectId";
ALTER TABLE "Follows" ADD COLUMN "SubjectKind" character varying(40);
ALTER TABLE "Follows" ADD COLUMN "TenantId" uuid;

UPDATE "Follows" AS f SET "SubjectKind" = 'consultation', "TenantId" = c."TenantId"
FROM "Consultations" AS c WHERE c."Id" = f."SubjectId";
-- Rows whose consultation or account is gone followed nothing.
DELETE FROM "Follows" WHERE "TenantId" IS NULL OR "UserId" NOT IN (SELECT "Id" FROM "AspNetUsers");

ALTER TABLE "Follows" ALTER COLUMN "SubjectKind" SET NOT NULL;
ALTER TABLE "Follows" ALTER COLUMN "TenantId" SET NOT NULL;
ALTER TABLE "Follows" ADD CONSTRAINT "PK_Follows" PRIMARY KEY ("SubjectKind", "SubjectId", "UserId");
ALTER TABLE "Follows" ADD CONSTRAINT "FK_Follows_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE;
ALTER TABLE "Follows" ADD CONSTRAINT "FK_Follows_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_Follows_TenantId" ON "Follows" ("TenantId");
CREATE INDEX "IX_Follows_UserId" ON "Follows" ("UserId");

CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SubjectKind" character varying(40) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "Kind" character varying(60) NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Path" character varying(500) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    "EmailedAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Notifications_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_Notifications_UserId_TenantId_CreatedAt" ON "Notifications" ("UserId", "TenantId", "CreatedAt");
-- The unread count in the header of every page, and the digest's search, stay small partial indexes.
CREATE INDEX "IX_Notifications_Unread" ON "Notifications" ("UserId", "TenantId") WHERE "ReadAt" IS NULL;
CREATE INDEX "IX_Notifications_NotEmailed" ON "Notifications" ("CreatedAt") WHERE "EmailedAt" IS NULL;
CREATE INDEX "IX_Notifications_TenantId" ON "Notifications" ("TenantId");

CREATE TABLE "NotificationSettings" (
    "UserId" uuid NOT NULL,
    "Email" character varying(20) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_NotificationSettings" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_NotificationSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
