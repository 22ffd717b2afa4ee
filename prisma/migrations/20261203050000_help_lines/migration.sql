-- CreateEnum
CREATE TYPE "HelpLineReview" AS ENUM ('public_sources', 'verified', 'hidden');

-- CreateEnum
CREATE TYPE "HelpLineAudience" AS ENUM ('in_indonesia', 'from_abroad', 'local');

-- CreateTable
CREATE TABLE "HelpLine" (
    "id" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "audience" "HelpLineAudience" NOT NULL,
    "kind" TEXT NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "phone" TEXT,
    "phoneFromAbroad" TEXT,
    "whatsapp" TEXT,
    "hours" TEXT,
    "caveatId" TEXT,
    "caveatEn" TEXT,
    "source" TEXT,
    "confidence" TEXT NOT NULL,
    "freshness" TEXT NOT NULL,
    "review" "HelpLineReview" NOT NULL DEFAULT 'public_sources',
    "verifiedOn" TIMESTAMP(3),
    "verifiedById" TEXT,
    "position" INTEGER NOT NULL DEFAULT 100,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HelpLine_country_idx" ON "HelpLine"("country");
