-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN "overdueAt" DATETIME;

-- AlterTable
ALTER TABLE "ReviewComment" ADD COLUMN "updatedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AssessmentRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "periodKind" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "ruleSetId" INTEGER NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "baseline" JSONB,
    "quota" JSONB,
    "recomputeReason" TEXT,
    "state" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "error" TEXT,
    "requestedById" INTEGER,
    CONSTRAINT "AssessmentRun_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AssessmentRun_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "AssessmentRuleSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AssessmentRun" ("centerId", "error", "finishedAt", "id", "periodEnd", "periodKind", "periodStart", "progress", "requestedById", "ruleSetId", "startedAt", "state") SELECT "centerId", "error", "finishedAt", "id", "periodEnd", "periodKind", "periodStart", "progress", "requestedById", "ruleSetId", "startedAt", "state" FROM "AssessmentRun";
DROP TABLE "AssessmentRun";
ALTER TABLE "new_AssessmentRun" RENAME TO "AssessmentRun";
CREATE INDEX "AssessmentRun_centerId_periodKind_periodStart_idx" ON "AssessmentRun"("centerId", "periodKind", "periodStart");
CREATE UNIQUE INDEX "AssessmentRun_centerId_periodKind_periodStart_ruleSetId_generation_key" ON "AssessmentRun"("centerId", "periodKind", "periodStart", "ruleSetId", "generation");
CREATE TABLE "new_Honour" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "proposed" BOOLEAN NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "overrideReason" TEXT,
    "decidedById" INTEGER,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL DEFAULT '',
    "reasonEn" TEXT NOT NULL DEFAULT '',
    "decidedAt" DATETIME,
    CONSTRAINT "Honour_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssessmentRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Honour" ("decidedById", "granted", "id", "kind", "overrideReason", "proposed", "runId", "subjectId") SELECT "decidedById", "granted", "id", "kind", "overrideReason", "proposed", "runId", "subjectId" FROM "Honour";
DROP TABLE "Honour";
ALTER TABLE "new_Honour" RENAME TO "Honour";
CREATE UNIQUE INDEX "Honour_runId_kind_subjectId_key" ON "Honour"("runId", "kind", "subjectId");
CREATE TABLE "new_PeriodScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "rank" INTEGER NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "components" JSONB NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "vetoReason" TEXT,
    "meetsMinSamples" BOOLEAN NOT NULL DEFAULT false,
    "decision" TEXT NOT NULL DEFAULT 'NOT_HONOURED_KIND',
    "decisionReason" TEXT NOT NULL DEFAULT '',
    "decisionReasonEn" TEXT NOT NULL DEFAULT '',
    "vetoes" JSONB,
    "partyMemberPost" BOOLEAN NOT NULL DEFAULT false,
    "satisfaction" REAL NOT NULL DEFAULT 0,
    "deductions" REAL NOT NULL DEFAULT 0,
    CONSTRAINT "PeriodScore_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssessmentRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PeriodScore" ("components", "eligible", "id", "rank", "runId", "sampleSize", "score", "subjectId", "subjectKind", "vetoReason") SELECT "components", "eligible", "id", "rank", "runId", "sampleSize", "score", "subjectId", "subjectKind", "vetoReason" FROM "PeriodScore";
DROP TABLE "PeriodScore";
ALTER TABLE "new_PeriodScore" RENAME TO "PeriodScore";
CREATE UNIQUE INDEX "PeriodScore_runId_subjectKind_subjectId_key" ON "PeriodScore"("runId", "subjectKind", "subjectId");
CREATE TABLE "new_Staff" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "staffNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT,
    "title" TEXT,
    "partyMember" BOOLEAN NOT NULL DEFAULT false,
    "partyPost" BOOLEAN NOT NULL DEFAULT false,
    "photoPath" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "joinedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Staff_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Staff_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Staff" ("active", "centerId", "createdAt", "departmentId", "gender", "id", "joinedAt", "name", "partyMember", "photoPath", "staffNo", "title", "updatedAt") SELECT "active", "centerId", "createdAt", "departmentId", "gender", "id", "joinedAt", "name", "partyMember", "photoPath", "staffNo", "title", "updatedAt" FROM "Staff";
DROP TABLE "Staff";
ALTER TABLE "new_Staff" RENAME TO "Staff";
CREATE INDEX "Staff_departmentId_idx" ON "Staff"("departmentId");
CREATE UNIQUE INDEX "Staff_centerId_staffNo_key" ON "Staff"("centerId", "staffNo");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Case_windowId_completedAt_idx" ON "Case"("windowId", "completedAt");

-- CreateIndex
CREATE INDEX "Case_handledById_completedAt_idx" ON "Case"("handledById", "completedAt");

-- CreateIndex
CREATE INDEX "Complaint_centerId_receivedAt_idx" ON "Complaint"("centerId", "receivedAt");

-- CreateIndex
CREATE INDEX "Inquiry_firstStaffId_openedAt_idx" ON "Inquiry"("firstStaffId", "openedAt");
