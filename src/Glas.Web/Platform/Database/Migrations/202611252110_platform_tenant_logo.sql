-- An administration's logo: checked and re-encoded on upload, stored here, served under its hash.
ALTER TABLE "Tenants" ADD "LogoSha256" character varying(64);

CREATE TABLE "TenantLogos" (
    "TenantId" uuid NOT NULL,
    "Content" bytea NOT NULL,
    "ContentType" character varying(30) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TenantLogos" PRIMARY KEY ("TenantId"),
    CONSTRAINT "FK_TenantLogos_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
