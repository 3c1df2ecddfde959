-- The inbox lists the departments reports are assigned to by skipping through this index, not by reading every report.
CREATE INDEX "IX_FeedbackReports_TenantId_Department" ON "FeedbackReports" ("TenantId", "Department");
