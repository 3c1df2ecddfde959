-- News posts of an administration (Markdown, topics, scheduled publishing) and their links to
-- items of other modules.

CREATE TABLE "NewsPosts" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Summary" character varying(1000) NOT NULL,
    "Body" character varying(50000) NOT NULL,
    "Topics" text[] NOT NULL,
    "PublishAt" timestamp with time zone,
    "AuthorId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_NewsPosts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_NewsPosts_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_NewsPosts_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_NewsPosts_TenantId_PublishAt" ON "NewsPosts" ("TenantId", "PublishAt");
CREATE INDEX "IX_NewsPosts_AuthorId" ON "NewsPosts" ("AuthorId");

CREATE TABLE "NewsLinks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "PostId" uuid NOT NULL,
    "Module" character varying(40) NOT NULL,
    "ItemId" uuid NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Path" character varying(500) NOT NULL,
    "Position" integer NOT NULL,
    CONSTRAINT "PK_NewsLinks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_NewsLinks_NewsPosts_PostId" FOREIGN KEY ("PostId") REFERENCES "NewsPosts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_NewsLinks_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_NewsLinks_PostId_Position" ON "NewsLinks" ("PostId", "Position");
CREATE INDEX "IX_NewsLinks_TenantId" ON "NewsLinks" ("TenantId");
