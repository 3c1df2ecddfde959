-- 0004: a tenant's host names move to their own table, keyed by the normalised name, so no two
-- tenants can ever hold the same name; the tenant logo address (stored, never shown) is dropped.

CREATE TABLE "TenantHosts" (
    "Name" character varying(253) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_TenantHosts" PRIMARY KEY ("Name"),
    CONSTRAINT "CK_TenantHosts_Name_normalised" CHECK ("Name" = lower("Name") AND "Name" <> '' AND right("Name", 1) <> '.'),
    CONSTRAINT "FK_TenantHosts_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_TenantHosts_TenantId" ON "TenantHosts" ("TenantId");

-- Where two tenants listed one name, the default tenant keeps it, then the older tenant.
INSERT INTO "TenantHosts" ("Name", "TenantId")
SELECT DISTINCT ON (n.name) n.name, n."Id"
FROM (SELECT rtrim(lower(trim(h)), '.') AS name, t."Id", t."IsDefault", t."CreatedAt"
      FROM "Tenants" t, unnest(t."Hosts") AS h) n
WHERE n.name <> ''
ORDER BY n.name, n."IsDefault" DESC, n."CreatedAt";

ALTER TABLE "Tenants" DROP COLUMN "Hosts";
ALTER TABLE "Tenants" DROP COLUMN "LogoUrl";
