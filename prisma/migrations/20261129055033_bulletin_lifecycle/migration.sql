-- CreateTable
CREATE TABLE "BulletinRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "departments" INTEGER NOT NULL DEFAULT 0,
    "generated" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "requestedById" INTEGER,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Bulletin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "comment" TEXT,
    "content" JSONB NOT NULL,
    "staffCount" INTEGER NOT NULL DEFAULT 0,
    "pdf" BLOB,
    "pdfSha256" TEXT,
    "generatedAt" DATETIME NOT NULL,
    "releasedAt" DATETIME,
    "releasedById" INTEGER,
    CONSTRAINT "Bulletin_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bulletin_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Bulletin" ("centerId", "comment", "departmentId", "generatedAt", "id", "month", "pdf", "pdfSha256", "releasedAt", "releasedById", "revision") SELECT "centerId", "comment", "departmentId", "generatedAt", "id", "month", "pdf", "pdfSha256", "releasedAt", "releasedById", "revision" FROM "Bulletin";
DROP TABLE "Bulletin";
ALTER TABLE "new_Bulletin" RENAME TO "Bulletin";
CREATE INDEX "Bulletin_centerId_month_idx" ON "Bulletin"("centerId", "month");
CREATE UNIQUE INDEX "Bulletin_departmentId_month_revision_key" ON "Bulletin"("departmentId", "month", "revision");
CREATE TABLE "new_BulletinDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bulletinId" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "resend" BOOLEAN NOT NULL DEFAULT false,
    "sendNo" INTEGER NOT NULL DEFAULT 0,
    "resendReason" TEXT,
    "transport" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BulletinDelivery_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_BulletinDelivery" ("attempts", "bulletinId", "createdAt", "id", "lastError", "nextAttemptAt", "recipient", "resend", "sentAt", "state") SELECT "attempts", "bulletinId", "createdAt", "id", "lastError", "nextAttemptAt", "recipient", "resend", "sentAt", "state" FROM "BulletinDelivery";
DROP TABLE "BulletinDelivery";
ALTER TABLE "new_BulletinDelivery" RENAME TO "BulletinDelivery";
CREATE INDEX "BulletinDelivery_state_nextAttemptAt_idx" ON "BulletinDelivery"("state", "nextAttemptAt");
CREATE UNIQUE INDEX "BulletinDelivery_bulletinId_recipient_sendNo_key" ON "BulletinDelivery"("bulletinId", "recipient", "sendNo");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BulletinRun_centerId_month_startedAt_idx" ON "BulletinRun"("centerId", "month", "startedAt");
