-- Participatory bodies: councils, forums and working groups, their members (with history), meetings and agenda items with decisions.

CREATE TABLE "Bodies" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Name" character varying(300) NOT NULL,
    "Mandate" character varying(10000) NOT NULL,
    "CreatingAct" character varying(500),
    "TermStart" date NOT NULL,
    "TermEnd" date,
    "Contact" character varying(500),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Bodies" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Bodies_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BodyMembers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "BodyId" uuid NOT NULL,
    "PublicName" character varying(300) NOT NULL,
    "Organisation" character varying(300),
    "Role" character varying(20) NOT NULL,
    "From" date NOT NULL,
    "To" date,
    "UserId" uuid,
    CONSTRAINT "PK_BodyMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_BodyMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_BodyMembers_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_BodyMembers_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Meetings" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "BodyId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Place" character varying(500),
    "OnlineUrl" character varying(500),
    "Status" character varying(20) NOT NULL,
    "Attendance" integer,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Meetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Meetings_Bodies_BodyId" FOREIGN KEY ("BodyId") REFERENCES "Bodies" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Meetings_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgendaItems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Decision" character varying(10000),
    "VotesFor" integer,
    "VotesAgainst" integer,
    "VotesAbstained" integer,
    CONSTRAINT "PK_AgendaItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgendaItems_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_AgendaItems_MeetingId_Number" ON "AgendaItems" ("MeetingId", "Number");
CREATE INDEX "IX_AgendaItems_TenantId" ON "AgendaItems" ("TenantId");
CREATE INDEX "IX_Bodies_TenantId_Name" ON "Bodies" ("TenantId", "Name");
CREATE INDEX "IX_BodyMembers_BodyId_From" ON "BodyMembers" ("BodyId", "From");
CREATE INDEX "IX_BodyMembers_TenantId" ON "BodyMembers" ("TenantId");
CREATE INDEX "IX_BodyMembers_UserId" ON "BodyMembers" ("UserId");
CREATE INDEX "IX_Meetings_BodyId_StartsAt" ON "Meetings" ("BodyId", "StartsAt");
CREATE INDEX "IX_Meetings_TenantId_StartsAt" ON "Meetings" ("TenantId", "StartsAt");

