-- The queue reads open tickets most urgent first, then oldest first, then by reference (issue: throughput). A partial index
-- holds only the open ones, so the queue stays an index walk of the rows it shows however many closed
-- tickets the years leave behind.
CREATE INDEX "Ticket_open_queue_idx" ON "Ticket"("priority", "createdAt", "reference") WHERE (status <> 'closed');
