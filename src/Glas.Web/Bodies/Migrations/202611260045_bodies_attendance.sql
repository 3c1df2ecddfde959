-- Per-member attendance at a body's meetings: one row per member present at a held meeting.
CREATE TABLE "MeetingAttendance" (
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_MeetingAttendance" PRIMARY KEY ("MeetingId", "MemberId"),
    CONSTRAINT "FK_MeetingAttendance_BodyMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "BodyMembers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeetingAttendance_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_MeetingAttendance_MemberId" ON "MeetingAttendance" ("MemberId");
CREATE INDEX "IX_MeetingAttendance_TenantId" ON "MeetingAttendance" ("TenantId");
