-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN "phoneConsentAt" DATETIME;
ALTER TABLE "Rectification" ADD COLUMN "stepOverdueAt" DATETIME;
