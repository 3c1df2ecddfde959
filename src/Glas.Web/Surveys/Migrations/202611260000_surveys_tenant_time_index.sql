-- The participation index reads a tenant's survey responses by the time they were submitted.
CREATE INDEX "IX_SurveyResponses_TenantId_SubmittedAt" ON "SurveyResponses" ("TenantId", "SubmittedAt");
