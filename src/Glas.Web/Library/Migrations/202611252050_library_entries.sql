-- The document library: reports, analyses, strategies, case studies and guides (their files are
-- documents of kind 'library').

CREATE TABLE "LibraryEntries" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Type" character varying(20) NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Description" character varying(4000),
    "Date" date NOT NULL,
    "Topic" character varying(40),
    "AuthorOrganisation" character varying(300) NOT NULL,
    "CreatedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_LibraryEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_LibraryEntries_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_LibraryEntries_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE RESTRICT
);
CREATE INDEX "IX_LibraryEntries_TenantId_Date" ON "LibraryEntries" ("TenantId", "Date");
CREATE INDEX "IX_LibraryEntries_TenantId_Type_Date" ON "LibraryEntries" ("TenantId", "Type", "Date");
CREATE INDEX "IX_LibraryEntries_TenantId_Topic_Date" ON "LibraryEntries" ("TenantId", "Topic", "Date");
CREATE INDEX "IX_LibraryEntries_CreatedById" ON "LibraryEntries" ("CreatedById");
