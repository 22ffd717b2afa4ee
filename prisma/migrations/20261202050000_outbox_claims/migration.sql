-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "attemptedAt" TIMESTAMP(3),
ADD COLUMN     "claimToken" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3);


