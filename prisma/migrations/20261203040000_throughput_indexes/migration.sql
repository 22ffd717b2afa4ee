-- Indexes the console and delivery look up by (issue: throughput): tickets by assignee and by conversation,
-- notes, referrals and recruiter mentions by ticket, referrals by partner, messages by caseworker, sessions
-- by caseworker.
CREATE INDEX "Ticket_assigneeId_status_idx" ON "Ticket"("assigneeId", "status");
CREATE INDEX "Ticket_conversationId_idx" ON "Ticket"("conversationId");
CREATE INDEX "Message_caseworkerId_idx" ON "Message"("caseworkerId");
CREATE INDEX "CaseworkerSession_caseworkerId_idx" ON "CaseworkerSession"("caseworkerId");
CREATE INDEX "Note_ticketId_createdAt_idx" ON "Note"("ticketId", "createdAt");
CREATE INDEX "Referral_ticketId_idx" ON "Referral"("ticketId");
CREATE INDEX "Referral_partnerId_idx" ON "Referral"("partnerId");
CREATE INDEX "RecruiterMention_ticketId_idx" ON "RecruiterMention"("ticketId");
