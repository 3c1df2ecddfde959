-- Surveys: questionnaires of an administration, their responses (answers as JSON, codes and numbers
-- for counting) and single-use invitations whose addresses are forgotten once used.

CREATE TABLE "Surveys" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Introduction" character varying(5000),
    "ThankYou" character varying(2000),
    "Audience" character varying(20) NOT NULL,
    "AskGroup" boolean NOT NULL,
    "Launched" boolean NOT NULL,
    "OpensAt" timestamp with time zone,
    "ClosesAt" timestamp with time zone,
    "ResultsPublished" boolean NOT NULL,
    "TextPublished" boolean NOT NULL,
    "Definition" jsonb NOT NULL,
    "SubjectKind" character varying(40),
    "SubjectId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Surveys" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Surveys_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SurveyInvitations" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SurveyId" uuid NOT NULL,
    "Email" character varying(256),
    "TokenHash" character varying(64) NOT NULL,
    "Used" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_SurveyInvitations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SurveyInvitations_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SurveyResponses" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SurveyId" uuid NOT NULL,
    "UserId" uuid,
    "BrowserKey" character varying(64),
    "Group" character varying(20),
    "Answers" jsonb NOT NULL,
    "Codes" integer[] NOT NULL,
    "Numbers" double precision[] NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "TextHidden" boolean NOT NULL,
    CONSTRAINT "PK_SurveyResponses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SurveyResponses_Surveys_SurveyId" FOREIGN KEY ("SurveyId") REFERENCES "Surveys" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SurveyInvitations_SurveyId" ON "SurveyInvitations" ("SurveyId");
CREATE UNIQUE INDEX "IX_SurveyInvitations_TokenHash" ON "SurveyInvitations" ("TokenHash");
CREATE UNIQUE INDEX "IX_SurveyResponses_SurveyId_BrowserKey" ON "SurveyResponses" ("SurveyId", "BrowserKey") WHERE "BrowserKey" IS NOT NULL;
CREATE INDEX "IX_SurveyResponses_SurveyId_SubmittedAt" ON "SurveyResponses" ("SurveyId", "SubmittedAt") INCLUDE ("Group");
CREATE UNIQUE INDEX "IX_SurveyResponses_SurveyId_UserId" ON "SurveyResponses" ("SurveyId", "UserId") WHERE "UserId" IS NOT NULL;
CREATE INDEX "IX_SurveyResponses_UserId" ON "SurveyResponses" ("UserId");
CREATE INDEX "IX_Surveys_SubjectKind_SubjectId" ON "Surveys" ("SubjectKind", "SubjectId");
CREATE INDEX "IX_Surveys_TenantId_CreatedAt" ON "Surveys" ("TenantId", "CreatedAt");
