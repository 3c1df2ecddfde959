-- Policy monitoring: policies with goals, measures and indicators (values per year, corrections kept),
-- civic monitoring reports and analyses, recommendations with the administration's answer and timeline.

CREATE TABLE "Policies" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Area" character varying(200),
    "ResponsibleUnit" character varying(300) NOT NULL,
    "StartYear" integer NOT NULL,
    "EndYear" integer NOT NULL,
    "Summary" character varying(4000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Policies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Policies_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MonitoringReports" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "PolicyId" uuid,
    "Title" character varying(500) NOT NULL,
    "AuthorUserId" uuid,
    "AuthorName" character varying(300) NOT NULL,
    "Summary" character varying(4000) NOT NULL,
    "Findings" character varying(20000),
    "PublishedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MonitoringReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_MonitoringReports_Policies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "Policies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MonitoringReports_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PolicyGoals" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "PolicyId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Title" character varying(500) NOT NULL,
    CONSTRAINT "PK_PolicyGoals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PolicyGoals_Policies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "Policies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Recommendations" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Source" character varying(20) NOT NULL,
    "ReportId" uuid,
    "PolicyId" uuid,
    "MeasureId" uuid,
    "Title" character varying(500) NOT NULL,
    "Text" character varying(4000),
    "AddresseeUnit" character varying(300) NOT NULL,
    "AuthorUserId" uuid,
    "AuthorName" character varying(300) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "AnswerDue" date NOT NULL,
    "Answer" character varying(20) NOT NULL,
    "AnswerReason" character varying(4000),
    "PlannedAction" character varying(4000),
    "Deadline" date,
    "AnsweredAt" timestamp with time zone,
    "Implementation" character varying(20),
    "Evidence" character varying(4000),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Recommendations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Recommendations_MonitoringReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "MonitoringReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Recommendations_Policies_PolicyId" FOREIGN KEY ("PolicyId") REFERENCES "Policies" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Recommendations_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PolicyIndicators" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "GoalId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Code" character varying(40),
    "Name" character varying(500) NOT NULL,
    "Unit" character varying(20) NOT NULL,
    "UnitLabel" character varying(40) NOT NULL,
    "BaselineValue" numeric(18,4) NOT NULL,
    "BaselineYear" integer NOT NULL,
    "TargetValue" numeric(18,4) NOT NULL,
    "TargetYear" integer NOT NULL,
    "Direction" character varying(20) NOT NULL,
    "DataSource" character varying(300),
    "Frequency" character varying(100),
    CONSTRAINT "PK_PolicyIndicators" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PolicyIndicators_PolicyGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "PolicyGoals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PolicyMeasures" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "GoalId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Title" character varying(500) NOT NULL,
    "ResponsibleUnit" character varying(300),
    "PlannedStart" date NOT NULL,
    "PlannedEnd" date NOT NULL,
    "Budget" numeric(18,2),
    "Currency" character varying(3),
    "Status" character varying(20) NOT NULL,
    "Progress" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PolicyMeasures" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_PolicyMeasures_Progress" CHECK ("Progress" BETWEEN 0 AND 100),
    CONSTRAINT "FK_PolicyMeasures_PolicyGoals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "PolicyGoals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RecommendationEvents" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "RecommendationId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorUserId" uuid,
    "ActorName" character varying(120) NOT NULL,
    "Kind" character varying(60) NOT NULL,
    "Note" character varying(4000),
    CONSTRAINT "PK_RecommendationEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RecommendationEvents_Recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "Recommendations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorValues" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "IndicatorId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Value" numeric(18,4) NOT NULL,
    "SourceNote" character varying(500),
    "ReportedAt" timestamp with time zone NOT NULL,
    "ReportedById" uuid,
    "ReportedByName" character varying(120) NOT NULL,
    "ReplacedAt" timestamp with time zone,
    CONSTRAINT "PK_IndicatorValues" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IndicatorValues_PolicyIndicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "PolicyIndicators" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_IndicatorValues_IndicatorId_Year" ON "IndicatorValues" ("IndicatorId", "Year");

CREATE INDEX "IX_IndicatorValues_ReportedById" ON "IndicatorValues" ("ReportedById");

CREATE INDEX "IX_MonitoringReports_AuthorUserId" ON "MonitoringReports" ("AuthorUserId");

CREATE INDEX "IX_MonitoringReports_PolicyId" ON "MonitoringReports" ("PolicyId");

CREATE INDEX "IX_MonitoringReports_TenantId_PublishedAt" ON "MonitoringReports" ("TenantId", "PublishedAt");

CREATE INDEX "IX_Policies_TenantId_UpdatedAt" ON "Policies" ("TenantId", "UpdatedAt");

CREATE INDEX "IX_PolicyGoals_PolicyId_Position" ON "PolicyGoals" ("PolicyId", "Position");

CREATE INDEX "IX_PolicyIndicators_GoalId_Position" ON "PolicyIndicators" ("GoalId", "Position");

CREATE INDEX "IX_PolicyIndicators_TenantId_Code" ON "PolicyIndicators" ("TenantId", "Code");

CREATE INDEX "IX_PolicyMeasures_GoalId_Position" ON "PolicyMeasures" ("GoalId", "Position");

CREATE INDEX "IX_RecommendationEvents_ActorUserId" ON "RecommendationEvents" ("ActorUserId");

CREATE INDEX "IX_RecommendationEvents_RecommendationId_At" ON "RecommendationEvents" ("RecommendationId", "At");

CREATE INDEX "IX_Recommendations_AuthorUserId" ON "Recommendations" ("AuthorUserId");

CREATE INDEX "IX_Recommendations_PolicyId" ON "Recommendations" ("PolicyId");

CREATE INDEX "IX_Recommendations_ReportId" ON "Recommendations" ("ReportId");

CREATE INDEX "IX_Recommendations_TenantId_Answer_Implementation_CreatedAt" ON "Recommendations" ("TenantId", "Answer", "Implementation", "CreatedAt");

CREATE INDEX "IX_Recommendations_TenantId_CreatedAt" ON "Recommendations" ("TenantId", "CreatedAt");

CREATE INDEX "IX_Recommendations_TenantId_Source" ON "Recommendations" ("TenantId", "Source");
