-- CreateTable
CREATE TABLE "Center" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Department" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "liaisonEmails" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Department_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "staffNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT,
    "title" TEXT,
    "partyMember" BOOLEAN NOT NULL DEFAULT false,
    "photoPath" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "joinedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Staff_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Staff_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Window" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "zone" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "partyPost" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Window_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WindowDepartment" (
    "windowId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,

    PRIMARY KEY ("windowId", "departmentId"),
    CONSTRAINT "WindowDepartment_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WindowDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WindowStaff" (
    "windowId" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "backup" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("windowId", "staffId"),
    CONSTRAINT "WindowStaff_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WindowStaff_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "procedure" JSONB NOT NULL,
    "materials" JSONB NOT NULL,
    "statutoryLimitDays" INTEGER NOT NULL,
    "promisedLimitDays" INTEGER NOT NULL,
    "fee" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "public" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceItem_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ServiceItem_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WindowItem" (
    "windowId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,

    PRIMARY KEY ("windowId", "itemId"),
    CONSTRAINT "WindowItem_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WindowItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "staffId" INTEGER,
    "departmentId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "ip" TEXT,
    "userAgent" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KioskDevice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT,
    "pairingCodeHash" TEXT,
    "pairingExpiresAt" DATETIME,
    "pairedAt" DATETIME,
    "revokedAt" DATETIME,
    "lastSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KioskDevice_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "KioskDevice_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "centerId" INTEGER,
    "actorId" INTEGER,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "requestId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "staffId" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "Shift_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shift_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shift_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShiftPause" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shiftId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "ShiftPause_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffAbsence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "staffId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "coverStaffId" INTEGER,
    "approvedById" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffAbsence_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StaffAbsence_coverStaffId_fkey" FOREIGN KEY ("coverStaffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalendarDay_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "caseNo" TEXT NOT NULL,
    "itemId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "acceptedById" INTEGER NOT NULL,
    "handledById" INTEGER NOT NULL,
    "citizenName" TEXT NOT NULL,
    "citizenIdMasked" TEXT NOT NULL,
    "citizenIdEnc" TEXT,
    "citizenPhoneEnc" TEXT,
    "citizenPhoneLast4" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "acceptedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "statutoryDueAt" DATETIME NOT NULL,
    "promisedLimitDays" INTEGER NOT NULL,
    "statutoryLimitDays" INTEGER NOT NULL,
    "suspendedDays" INTEGER NOT NULL DEFAULT 0,
    "warning" TEXT NOT NULL DEFAULT 'NONE',
    "completedAt" DATETIME,
    "rejectedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseTransition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" INTEGER,
    "at" DATETIME NOT NULL,
    "reason" TEXT,
    "data" JSONB,
    CONSTRAINT "CaseTransition_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "firstStaffId" INTEGER NOT NULL,
    "askerName" TEXT,
    "askerPhoneEnc" TEXT,
    "topic" TEXT NOT NULL,
    "itemId" INTEGER,
    "state" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "warnedAt" DATETIME,
    CONSTRAINT "Inquiry_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_firstStaffId_fkey" FOREIGN KEY ("firstStaffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inquiry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InquiryHandover" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "inquiryId" INTEGER NOT NULL,
    "fromStaffId" INTEGER NOT NULL,
    "toStaffId" INTEGER,
    "toWindowId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT,
    "acknowledgedAt" DATETIME,
    CONSTRAINT "InquiryHandover_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InquiryHandover_fromStaffId_fkey" FOREIGN KEY ("fromStaffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InquiryHandover_toStaffId_fkey" FOREIGN KEY ("toStaffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InquiryHandover_toWindowId_fkey" FOREIGN KEY ("toWindowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QueueTicket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "staffId" INTEGER,
    "itemId" INTEGER,
    "ticketNo" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "calledAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "noShow" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "QueueTicket_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "staffId" INTEGER,
    "deviceId" INTEGER,
    "caseId" INTEGER,
    "itemId" INTEGER,
    "source" TEXT NOT NULL,
    "linkTokenHash" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    CONSTRAINT "Invitation_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER,
    "staffId" INTEGER,
    "itemId" INTEGER,
    "caseId" INTEGER,
    "invitationId" TEXT,
    "deviceId" INTEGER,
    "channel" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,
    "indicatorVersion" TEXT NOT NULL,
    "comment" TEXT,
    "bound" BOOLEAN NOT NULL,
    "defaulted" BOOLEAN NOT NULL DEFAULT false,
    "ratingSeq" INTEGER NOT NULL DEFAULT 1,
    "ratedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    CONSTRAINT "Evaluation_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "centerId" INTEGER NOT NULL,
    "ownerStaffId" INTEGER,
    "state" TEXT NOT NULL,
    "stepDueAt" DATETIME NOT NULL,
    "verified" BOOLEAN,
    "verifyNote" TEXT,
    "resolution" TEXT,
    "resolutionNote" TEXT,
    "planDueAt" DATETIME,
    "callbackReached" BOOLEAN,
    "callbackSatisfied" BOOLEAN,
    "callbackNote" TEXT,
    "citizenPhoneEnc" TEXT,
    "phonePurgeAt" DATETIME,
    "openedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    CONSTRAINT "Rectification_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Rectification_ownerStaffId_fkey" FOREIGN KEY ("ownerStaffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RectificationEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rectificationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "actorId" INTEGER,
    "at" DATETIME NOT NULL,
    "data" JSONB,
    CONSTRAINT "RectificationEvent_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "evaluationId" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT,
    "state" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    CONSTRAINT "Appeal_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appeal_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clientId" TEXT NOT NULL,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "staffId" INTEGER,
    "inspectorId" INTEGER NOT NULL,
    "ruleSetId" INTEGER,
    "at" DATETIME NOT NULL,
    "note" TEXT,
    "photoPath" TEXT,
    "totalDeduction" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Inspection_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inspection_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Inspection_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inspection_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "AssessmentRuleSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectionFinding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "inspectionId" INTEGER NOT NULL,
    "checkCode" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "deduction" REAL NOT NULL,
    "note" TEXT,
    CONSTRAINT "InspectionFinding_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccountabilityRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "sourceKey" TEXT,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "windowId" INTEGER,
    "caseId" INTEGER,
    "inquiryId" INTEGER,
    "inspectionId" INTEGER,
    "complaintId" INTEGER,
    "rectificationId" TEXT,
    "description" TEXT NOT NULL,
    "proposedPoints" REAL NOT NULL,
    "consequence" TEXT,
    "proposedById" INTEGER,
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    CONSTRAINT "AccountabilityRecord_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_inquiryId_fkey" FOREIGN KEY ("inquiryId") REFERENCES "Inquiry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AccountabilityRecord_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "complainantName" TEXT,
    "complainantPhoneEnc" TEXT,
    "content" TEXT NOT NULL,
    "windowId" INTEGER,
    "staffId" INTEGER,
    "caseId" INTEGER,
    "assignedToId" INTEGER,
    "state" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "substantiated" BOOLEAN,
    "closedAt" DATETIME,
    CONSTRAINT "Complaint_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Complaint_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Complaint_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Complaint_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Commendation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "staffId" INTEGER,
    "windowId" INTEGER,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "recordedById" INTEGER NOT NULL,
    CONSTRAINT "Commendation_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Commendation_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Commendation_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "windowId" INTEGER,
    "staffId" INTEGER,
    "subjectId" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedById" INTEGER,
    "ackNote" TEXT,
    "resolvedAt" DATETIME,
    CONSTRAINT "Alert_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Alert_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentRuleSet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "note" TEXT,
    "effectiveFrom" DATETIME NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssessmentRuleSet_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssessmentRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "periodKind" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "ruleSetId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "error" TEXT,
    "requestedById" INTEGER,
    CONSTRAINT "AssessmentRun_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AssessmentRun_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "AssessmentRuleSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PeriodScore" (
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
    CONSTRAINT "PeriodScore_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssessmentRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Honour" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "proposed" BOOLEAN NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "overrideReason" TEXT,
    "decidedById" INTEGER,
    CONSTRAINT "Honour_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssessmentRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "windowId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    CONSTRAINT "ReviewComment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssessmentRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "runId" INTEGER NOT NULL,
    "periodKind" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "data" JSONB NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedById" INTEGER NOT NULL,
    "supersedesId" INTEGER,
    CONSTRAINT "PublishedSnapshot_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PublishedSnapshot_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AssessmentRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "comment" TEXT,
    "pdf" BLOB,
    "pdfSha256" TEXT,
    "generatedAt" DATETIME NOT NULL,
    "releasedAt" DATETIME,
    "releasedById" INTEGER,
    CONSTRAINT "Bulletin_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Bulletin_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulletinDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bulletinId" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "resend" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BulletinDelivery_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "recipientEnc" TEXT NOT NULL,
    "recipientMasked" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "dedupeKey" TEXT,
    CONSTRAINT "Notification_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "runKey" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "error" TEXT,
    "result" JSONB
);

-- CreateIndex
CREATE UNIQUE INDEX "Center_code_key" ON "Center"("code");

-- CreateIndex
CREATE INDEX "Department_centerId_active_idx" ON "Department"("centerId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Department_centerId_code_key" ON "Department"("centerId", "code");

-- CreateIndex
CREATE INDEX "Staff_departmentId_idx" ON "Staff"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_centerId_staffNo_key" ON "Staff"("centerId", "staffNo");

-- CreateIndex
CREATE INDEX "Window_centerId_zone_idx" ON "Window"("centerId", "zone");

-- CreateIndex
CREATE UNIQUE INDEX "Window_centerId_number_key" ON "Window"("centerId", "number");

-- CreateIndex
CREATE INDEX "WindowDepartment_departmentId_idx" ON "WindowDepartment"("departmentId");

-- CreateIndex
CREATE INDEX "WindowStaff_staffId_idx" ON "WindowStaff"("staffId");

-- CreateIndex
CREATE INDEX "ServiceItem_departmentId_idx" ON "ServiceItem"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceItem_centerId_code_key" ON "ServiceItem"("centerId", "code");

-- CreateIndex
CREATE INDEX "WindowItem_itemId_idx" ON "WindowItem"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_staffId_key" ON "User"("staffId");

-- CreateIndex
CREATE INDEX "User_centerId_role_idx" ON "User"("centerId", "role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "KioskDevice_tokenHash_key" ON "KioskDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "KioskDevice_windowId_idx" ON "KioskDevice"("windowId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_centerId_at_idx" ON "AuditEntry"("centerId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- CreateIndex
CREATE INDEX "Shift_windowId_startedAt_idx" ON "Shift"("windowId", "startedAt");

-- CreateIndex
CREATE INDEX "Shift_staffId_startedAt_idx" ON "Shift"("staffId", "startedAt");

-- CreateIndex
CREATE INDEX "ShiftPause_shiftId_idx" ON "ShiftPause"("shiftId");

-- CreateIndex
CREATE INDEX "StaffAbsence_staffId_startsAt_idx" ON "StaffAbsence"("staffId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarDay_centerId_date_key" ON "CalendarDay"("centerId", "date");

-- CreateIndex
CREATE INDEX "Case_centerId_state_dueAt_idx" ON "Case"("centerId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "Case_handledById_state_idx" ON "Case"("handledById", "state");

-- CreateIndex
CREATE INDEX "Case_windowId_acceptedAt_idx" ON "Case"("windowId", "acceptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Case_centerId_caseNo_key" ON "Case"("centerId", "caseNo");

-- CreateIndex
CREATE INDEX "CaseTransition_caseId_at_idx" ON "CaseTransition"("caseId", "at");

-- CreateIndex
CREATE INDEX "Inquiry_centerId_state_openedAt_idx" ON "Inquiry"("centerId", "state", "openedAt");

-- CreateIndex
CREATE INDEX "Inquiry_firstStaffId_state_idx" ON "Inquiry"("firstStaffId", "state");

-- CreateIndex
CREATE INDEX "InquiryHandover_inquiryId_idx" ON "InquiryHandover"("inquiryId");

-- CreateIndex
CREATE INDEX "QueueTicket_windowId_calledAt_idx" ON "QueueTicket"("windowId", "calledAt");

-- CreateIndex
CREATE UNIQUE INDEX "QueueTicket_centerId_ticketNo_issuedAt_key" ON "QueueTicket"("centerId", "ticketNo", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_linkTokenHash_key" ON "Invitation"("linkTokenHash");

-- CreateIndex
CREATE INDEX "Invitation_windowId_createdAt_idx" ON "Invitation"("windowId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_invitationId_key" ON "Evaluation"("invitationId");

-- CreateIndex
CREATE INDEX "Evaluation_centerId_ratedAt_idx" ON "Evaluation"("centerId", "ratedAt");

-- CreateIndex
CREATE INDEX "Evaluation_windowId_ratedAt_idx" ON "Evaluation"("windowId", "ratedAt");

-- CreateIndex
CREATE INDEX "Evaluation_staffId_ratedAt_idx" ON "Evaluation"("staffId", "ratedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_evaluationId_key" ON "Rectification"("evaluationId");

-- CreateIndex
CREATE INDEX "Rectification_centerId_state_stepDueAt_idx" ON "Rectification"("centerId", "state", "stepDueAt");

-- CreateIndex
CREATE INDEX "RectificationEvent_rectificationId_idx" ON "RectificationEvent"("rectificationId");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_evaluationId_key" ON "Appeal"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_clientId_key" ON "Inspection"("clientId");

-- CreateIndex
CREATE INDEX "Inspection_centerId_at_idx" ON "Inspection"("centerId", "at");

-- CreateIndex
CREATE INDEX "Inspection_windowId_at_idx" ON "Inspection"("windowId", "at");

-- CreateIndex
CREATE INDEX "InspectionFinding_inspectionId_idx" ON "InspectionFinding"("inspectionId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountabilityRecord_sourceKey_key" ON "AccountabilityRecord"("sourceKey");

-- CreateIndex
CREATE INDEX "AccountabilityRecord_centerId_state_occurredAt_idx" ON "AccountabilityRecord"("centerId", "state", "occurredAt");

-- CreateIndex
CREATE INDEX "AccountabilityRecord_staffId_occurredAt_idx" ON "AccountabilityRecord"("staffId", "occurredAt");

-- CreateIndex
CREATE INDEX "Complaint_centerId_state_dueAt_idx" ON "Complaint"("centerId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "Commendation_centerId_at_idx" ON "Commendation"("centerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_sourceKey_key" ON "Alert"("sourceKey");

-- CreateIndex
CREATE INDEX "Alert_centerId_acknowledgedAt_createdAt_idx" ON "Alert"("centerId", "acknowledgedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentRuleSet_centerId_version_key" ON "AssessmentRuleSet"("centerId", "version");

-- CreateIndex
CREATE INDEX "AssessmentRun_centerId_periodKind_periodStart_idx" ON "AssessmentRun"("centerId", "periodKind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodScore_runId_subjectKind_subjectId_key" ON "PeriodScore"("runId", "subjectKind", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Honour_runId_kind_subjectId_key" ON "Honour"("runId", "kind", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewComment_runId_windowId_key" ON "ReviewComment"("runId", "windowId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedSnapshot_runId_key" ON "PublishedSnapshot"("runId");

-- CreateIndex
CREATE INDEX "PublishedSnapshot_centerId_periodKind_periodStart_idx" ON "PublishedSnapshot"("centerId", "periodKind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_departmentId_month_revision_key" ON "Bulletin"("departmentId", "month", "revision");

-- CreateIndex
CREATE INDEX "BulletinDelivery_state_nextAttemptAt_idx" ON "BulletinDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_state_nextAttemptAt_idx" ON "Notification"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_runKey_key" ON "JobRun"("runKey");
