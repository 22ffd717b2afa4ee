-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "referralEmail" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "dispatch" TEXT NOT NULL DEFAULT 'by_hand',
ADD COLUMN     "dispatchAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dispatchError" TEXT,
ADD COLUMN     "dispatchedAt" TIMESTAMP(3),
ADD COLUMN     "nextDispatchAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Referral_dispatch_nextDispatchAt_idx" ON "Referral"("dispatch", "nextDispatchAt");


