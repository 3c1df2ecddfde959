-- The number of inhabitants an administration serves; the participation index divides by it.
ALTER TABLE "Tenants" ADD "Population" integer;
ALTER TABLE "Tenants" ADD CONSTRAINT "CK_Tenants_Population" CHECK ("Population" IS NULL OR "Population" BETWEEN 1 AND 10000000);
