-- The participation index counts a report's answers and ratings per quarter and year; without these
-- every period read all of an administration's reports.

CREATE INDEX "IX_FeedbackReports_TenantId_AnsweredAt" ON "FeedbackReports" ("TenantId", "AnsweredAt");
CREATE INDEX "IX_FeedbackReports_TenantId_RatedAt" ON "FeedbackReports" ("TenantId", "RatedAt");
