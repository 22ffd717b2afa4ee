-- CreateTable
CREATE TABLE "PersonKey" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "wrapped" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WipeJob" (
    "id" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "recipientEnc" TEXT NOT NULL,
    "messagesEnc" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WipeJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PersonKey_contactId_key" ON "PersonKey"("contactId");

-- CreateIndex
CREATE INDEX "WipeJob_channel_nextAttemptAt_idx" ON "WipeJob"("channel", "nextAttemptAt");
