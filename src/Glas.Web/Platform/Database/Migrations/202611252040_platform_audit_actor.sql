-- „Моята работа“ finds what a person changed lately (their recently edited projects …) in the audit log.
CREATE INDEX "IX_AuditEntries_TenantId_ActorUserId_At" ON "AuditEntries" ("TenantId", "ActorUserId", "At");
