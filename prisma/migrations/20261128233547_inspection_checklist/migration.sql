-- CreateTable
CREATE TABLE "InspectionChecklist" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InspectionChecklist_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "lockedUntil" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Inspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clientId" TEXT NOT NULL,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "staffId" INTEGER,
    "inspectorId" INTEGER NOT NULL,
    "ruleSetId" INTEGER,
    "checklistId" INTEGER,
    "at" DATETIME NOT NULL,
    "note" TEXT,
    "photoPath" TEXT,
    "totalDeduction" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Inspection_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inspection_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inspection_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inspection_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "AssessmentRuleSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inspection_checklistId_fkey" FOREIGN KEY ("checklistId") REFERENCES "InspectionChecklist" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Inspection" ("at", "centerId", "clientId", "createdAt", "id", "inspectorId", "note", "photoPath", "ruleSetId", "staffId", "totalDeduction", "windowId") SELECT "at", "centerId", "clientId", "createdAt", "id", "inspectorId", "note", "photoPath", "ruleSetId", "staffId", "totalDeduction", "windowId" FROM "Inspection";
DROP TABLE "Inspection";
ALTER TABLE "new_Inspection" RENAME TO "Inspection";
CREATE UNIQUE INDEX "Inspection_clientId_key" ON "Inspection"("clientId");
CREATE INDEX "Inspection_centerId_at_idx" ON "Inspection"("centerId", "at");
CREATE INDEX "Inspection_windowId_at_idx" ON "Inspection"("windowId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "InspectionChecklist_centerId_version_key" ON "InspectionChecklist"("centerId", "version");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");


