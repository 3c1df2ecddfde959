-- The last registration number given (чл. 111, ал. 2) per administration and year: registering a
-- report takes the next one from this row, which also makes concurrent registrations wait for each
-- other, instead of searching the reports for the highest number of the year.
CREATE TABLE "FeedbackNumbers" (
    "TenantId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Last" integer NOT NULL,
    CONSTRAINT "PK_FeedbackNumbers" PRIMARY KEY ("TenantId", "Year"),
    CONSTRAINT "FK_FeedbackNumbers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

INSERT INTO "FeedbackNumbers" ("TenantId", "Year", "Last")
SELECT "TenantId", left("Number", 4)::integer, max(substr("Number", 6)::integer)
FROM "FeedbackReports"
WHERE "Number" ~ '^[0-9]{4}-[0-9]{1,9}$'
GROUP BY 1, 2;
