-- The participation index: methodology versions per administration and the precomputed values per period.

CREATE TABLE "IndexMethodologies" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Version" integer NOT NULL,
    "Settings" jsonb NOT NULL,
    "Note" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    CONSTRAINT "PK_IndexMethodologies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IndexMethodologies_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_IndexMethodologies_TenantId_Version" ON "IndexMethodologies" ("TenantId", "Version");

CREATE TABLE "IndexValues" (
    "TenantId" uuid NOT NULL,
    "Period" character varying(7) NOT NULL,
    "Kind" character varying(10) NOT NULL,
    "Start" date NOT NULL,
    "End" date NOT NULL,
    "MethodologyVersion" integer NOT NULL,
    "Value" numeric(5,1),
    "Coverage" numeric(5,2) NOT NULL,
    "Indicators" jsonb NOT NULL,
    "ComputedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IndexValues" PRIMARY KEY ("TenantId", "Period"),
    CONSTRAINT "FK_IndexValues_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
