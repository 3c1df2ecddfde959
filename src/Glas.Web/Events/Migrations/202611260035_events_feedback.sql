-- When each participant was sent the event's feedback form (a survey attached to the event).
ALTER TABLE "EventRegistrations" ADD "FeedbackSentAt" timestamp with time zone;
