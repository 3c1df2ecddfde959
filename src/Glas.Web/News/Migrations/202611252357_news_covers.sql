-- Cover images of news posts: the post keeps the cover's hash, text alternative and size; the
-- re-encoded image itself is a row of its own, served by its hash.

ALTER TABLE "NewsPosts" ADD "CoverSha256" character varying(64);
ALTER TABLE "NewsPosts" ADD "CoverAlt" character varying(300);
ALTER TABLE "NewsPosts" ADD "CoverWidth" integer;
ALTER TABLE "NewsPosts" ADD "CoverHeight" integer;

CREATE TABLE "NewsCovers" (
    "PostId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Content" bytea NOT NULL,
    "ContentType" character varying(30) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_NewsCovers" PRIMARY KEY ("PostId"),
    CONSTRAINT "FK_NewsCovers_NewsPosts_PostId" FOREIGN KEY ("PostId") REFERENCES "NewsPosts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NewsCovers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_NewsCovers_TenantId_Sha256" ON "NewsCovers" ("TenantId", "Sha256");
