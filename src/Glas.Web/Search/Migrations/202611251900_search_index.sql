-- One search index for every module: each public item with its Bulgarian stems as a tsvector.
CREATE TABLE "SearchEntries" (
    "Module" character varying(40) NOT NULL,
    "ItemId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Text" text NOT NULL,
    "Path" character varying(400) NOT NULL,
    "Date" timestamp with time zone NOT NULL,
    "Vector" tsvector NOT NULL,
    "IndexedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_SearchEntries" PRIMARY KEY ("Module", "ItemId"),
    CONSTRAINT "FK_SearchEntries_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING gin ("Vector");
CREATE INDEX "IX_SearchEntries_TenantId_Module_Date" ON "SearchEntries" ("TenantId", "Module", "Date");
