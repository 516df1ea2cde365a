-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN "evidencePhotoPath" TEXT;
