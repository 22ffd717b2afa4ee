-- CreateTable
CREATE TABLE "CaseProfile" (
    "ticketId" TEXT NOT NULL,
    "sector" TEXT,
    "recruitmentChannel" TEXT,
    "platform" TEXT,
    "jobAdPattern" TEXT,
    "ageBand" TEXT,
    "gender" TEXT,
    "citizenship" TEXT,
    "originProvince" TEXT,
    "destinationCountry" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseProfile_pkey" PRIMARY KEY ("ticketId")
);
