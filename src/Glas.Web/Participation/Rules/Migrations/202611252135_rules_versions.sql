-- Platform rules: versions per administration (rules of participation, code of conduct, moderation policy) and who accepted which.

CREATE TABLE "RulesVersions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Version" integer NOT NULL,
    "EffectiveFrom" timestamp with time zone NOT NULL,
    "Participation" character varying(20000) NOT NULL,
    "Conduct" character varying(20000) NOT NULL,
    "Moderation" character varying(20000) NOT NULL,
    "Changes" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    CONSTRAINT "PK_RulesVersions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RulesVersions_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_RulesVersions_TenantId_Version" ON "RulesVersions" ("TenantId", "Version");

CREATE TABLE "RulesAcceptances" (
    "TenantId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Version" integer NOT NULL,
    "AcceptedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RulesAcceptances" PRIMARY KEY ("TenantId", "UserId", "Version"),
    CONSTRAINT "FK_RulesAcceptances_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_RulesAcceptances_UserId" ON "RulesAcceptances" ("UserId");
