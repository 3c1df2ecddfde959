-- Public events and registrations for them (places, waiting list, reminders, attendance).

CREATE TABLE "Events" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Description" character varying(10000) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Place" character varying(500),
    "OnlineUrl" character varying(500),
    "Accessibility" character varying(500),
    "Capacity" integer,
    "RegistrationOpensAt" timestamp with time zone,
    "RegistrationClosesAt" timestamp with time zone,
    "Organiser" character varying(500) NOT NULL,
    "ConsultationId" uuid,
    "Report" character varying(10000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Events" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_Events_Times" CHECK ("EndsAt" > "StartsAt"),
    CONSTRAINT "FK_Events_Consultations_ConsultationId" FOREIGN KEY ("ConsultationId") REFERENCES "Consultations" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Events_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "EventRegistrations" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "EventId" uuid NOT NULL,
    "UserId" uuid,
    "Name" character varying(120) NOT NULL,
    "Email" character varying(256) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Token" character varying(64) NOT NULL,
    "RegisteredAt" timestamp with time zone NOT NULL,
    "CancelledAt" timestamp with time zone,
    "ReminderSentAt" timestamp with time zone,
    "Attended" boolean NOT NULL,
    CONSTRAINT "PK_EventRegistrations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EventRegistrations_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_EventRegistrations_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_EventRegistrations_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_EventRegistrations_EventId_Email" ON "EventRegistrations" ("EventId", "Email");
CREATE INDEX "IX_EventRegistrations_EventId_Status_RegisteredAt" ON "EventRegistrations" ("EventId", "Status", "RegisteredAt");
CREATE INDEX "IX_EventRegistrations_TenantId" ON "EventRegistrations" ("TenantId");
CREATE UNIQUE INDEX "IX_EventRegistrations_Token" ON "EventRegistrations" ("Token");
CREATE INDEX "IX_EventRegistrations_UserId" ON "EventRegistrations" ("UserId");
CREATE INDEX "IX_Events_ConsultationId" ON "Events" ("ConsultationId");
CREATE INDEX "IX_Events_TenantId_Kind_StartsAt" ON "Events" ("TenantId", "Kind", "StartsAt");
CREATE INDEX "IX_Events_TenantId_StartsAt" ON "Events" ("TenantId", "StartsAt");
