-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('pending', 'stored', 'refused', 'failed');

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "MediaStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "sourceEnc" TEXT,
    "mimeType" TEXT,
    "size" INTEGER,
    "keyId" TEXT,
    "bytesEnc" BYTEA,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_messageId_key" ON "MediaFile"("messageId");

-- CreateIndex
CREATE INDEX "MediaFile_contactId_createdAt_idx" ON "MediaFile"("contactId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_status_channel_nextAttemptAt_idx" ON "MediaFile"("status", "channel", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MediaFile_expiresAt_idx" ON "MediaFile"("expiresAt");

-- AddForeignKey
ALTER TABLE "MediaFile" ADD CONSTRAINT "MediaFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
