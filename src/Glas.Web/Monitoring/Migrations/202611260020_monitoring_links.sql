-- A policy's links: the consultation that discussed it and the register's projects that finance it;
-- for an association, the member municipality an indicator measures (the comparison page); a
-- monitoring report's ratings of the measures.

ALTER TABLE "Policies" ADD "ConsultationId" uuid;
ALTER TABLE "Policies" ADD CONSTRAINT "FK_Policies_Consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "Consultations" ("Id") ON DELETE SET NULL;
CREATE INDEX "IX_Policies_ConsultationId" ON "Policies" ("ConsultationId");

ALTER TABLE "PolicyIndicators" ADD "Municipality" character varying(100);

CREATE TABLE "PolicyProjects" (
    "PolicyId" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_PolicyProjects" PRIMARY KEY ("PolicyId", "ProjectId"),
    CONSTRAINT "FK_PolicyProjects_Policies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "Policies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PolicyProjects_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_PolicyProjects_ProjectId" ON "PolicyProjects" ("ProjectId");
CREATE INDEX "IX_PolicyProjects_TenantId" ON "PolicyProjects" ("TenantId");

-- A monitoring report's rating of each measure of its policy (1 to 5, the same scale for all).
CREATE TABLE "ReportRatings" (
    "ReportId" uuid NOT NULL,
    "MeasureId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Rating" integer NOT NULL,
    CONSTRAINT "PK_ReportRatings" PRIMARY KEY ("ReportId", "MeasureId"),
    CONSTRAINT "CK_ReportRatings_Rating" CHECK ("Rating" BETWEEN 1 AND 5),
    CONSTRAINT "FK_ReportRatings_MonitoringReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "MonitoringReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReportRatings_PolicyMeasures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "PolicyMeasures" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_ReportRatings_MeasureId" ON "ReportRatings" ("MeasureId");
CREATE INDEX "IX_ReportRatings_TenantId" ON "ReportRatings" ("TenantId");
