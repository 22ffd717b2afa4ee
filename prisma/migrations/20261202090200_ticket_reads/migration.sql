-- CreateTable
CREATE TABLE "TicketRead" (
    "ticketId" TEXT NOT NULL,
    "caseworkerId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketRead_pkey" PRIMARY KEY ("ticketId","caseworkerId")
);

-- CreateIndex
CREATE INDEX "TicketRead_caseworkerId_idx" ON "TicketRead"("caseworkerId");


