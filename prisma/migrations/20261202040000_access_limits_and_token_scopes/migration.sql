-- AlterTable
ALTER TABLE "Caseworker" ADD COLUMN     "apiTokenExpiresAt" TIMESTAMP(3),
ADD COLUMN     "apiTokenScopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "RateCounter_windowStart_idx" ON "RateCounter"("windowStart");


-- Tokens made before scopes and expiries: everything their role may do, for 90 more days.
UPDATE "Caseworker"
SET "apiTokenScopes" = CASE WHEN "role" = 'admin' THEN ARRAY['read', 'casework', 'admin'] ELSE ARRAY['read', 'casework'] END,
    "apiTokenExpiresAt" = CURRENT_TIMESTAMP + INTERVAL '90 days'
WHERE "apiTokenHash" IS NOT NULL;
