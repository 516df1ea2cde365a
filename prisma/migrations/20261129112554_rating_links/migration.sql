-- CreateTable
CREATE TABLE "RatingLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tokenHash" TEXT NOT NULL,
    "centerId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "RatingLink_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RatingLink_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingLink_tokenHash_key" ON "RatingLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "RatingLink_caseId_key" ON "RatingLink"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingLink_evaluationId_key" ON "RatingLink"("evaluationId");

-- CreateIndex
CREATE INDEX "RatingLink_centerId_expiresAt_idx" ON "RatingLink"("centerId", "expiresAt");
