-- Reminders to those invited who have not answered: when the last one (with a new link) was sent.
ALTER TABLE "SurveyInvitations" ADD "RemindedAt" timestamp with time zone;
