-- Subscriptions to kinds of content and topics across modules (confirmed ones only), and the
-- items announced to them, each once.

CREATE TABLE "Subscriptions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "UserId" uuid,
    "Email" character varying(256),
    "Kinds" text[] NOT NULL,
    "Topics" text[] NOT NULL,
    "Frequency" character varying(20) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ConfirmedAt" timestamp with time zone NOT NULL,
    "DigestThrough" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Subscriptions" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_Subscriptions_Owner" CHECK (("UserId" IS NULL) <> ("Email" IS NULL)),
    CONSTRAINT "FK_Subscriptions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Subscriptions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_Subscriptions_TenantId_UserId" ON "Subscriptions" ("TenantId", "UserId") WHERE "UserId" IS NOT NULL;
CREATE UNIQUE INDEX "IX_Subscriptions_TenantId_Email" ON "Subscriptions" ("TenantId", "Email") WHERE "Email" IS NOT NULL;
CREATE INDEX "IX_Subscriptions_Frequency_TenantId" ON "Subscriptions" ("Frequency", "TenantId");
CREATE INDEX "IX_Subscriptions_UserId" ON "Subscriptions" ("UserId");

CREATE TABLE "AnnouncedItems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Module" character varying(40) NOT NULL,
    "ItemId" uuid NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Summary" character varying(1000),
    "Path" character varying(500) NOT NULL,
    "Topics" text[] NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "AnnouncedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AnnouncedItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AnnouncedItems_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "IX_AnnouncedItems_TenantId_Module_ItemId" ON "AnnouncedItems" ("TenantId", "Module", "ItemId");
CREATE INDEX "IX_AnnouncedItems_AnnouncedAt" ON "AnnouncedItems" ("AnnouncedAt");
