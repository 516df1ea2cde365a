-- CreateTable
CREATE TABLE "QueueEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "windowId" INTEGER,
    "staffId" INTEGER,
    "at" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "apiKeyId" INTEGER NOT NULL,
    CONSTRAINT "QueueEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "QueueTicket" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QueueEvent_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "QueueApiKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QueueApiKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" INTEGER,
    "lastUsedAt" DATETIME,
    CONSTRAINT "QueueApiKey_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QueueTicket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "centerId" INTEGER NOT NULL,
    "windowId" INTEGER,
    "staffId" INTEGER,
    "itemId" INTEGER,
    "ticketNo" TEXT NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "calledAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "noShow" BOOLEAN NOT NULL DEFAULT false,
    "waitSeconds" INTEGER,
    "serviceSeconds" INTEGER,
    "invitationId" TEXT,
    CONSTRAINT "QueueTicket_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QueueTicket_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QueueTicket" ("calledAt", "centerId", "finishedAt", "id", "issuedAt", "itemId", "noShow", "staffId", "startedAt", "ticketNo", "windowId", "serviceDate") SELECT "calledAt", "centerId", "finishedAt", "id", "issuedAt", "itemId", "noShow", "staffId", "startedAt", "ticketNo", "windowId", strftime('%Y-%m-%d', "issuedAt", '+8 hours') FROM "QueueTicket";
DROP TABLE "QueueTicket";
ALTER TABLE "new_QueueTicket" RENAME TO "QueueTicket";
CREATE INDEX "QueueTicket_windowId_calledAt_idx" ON "QueueTicket"("windowId", "calledAt");
CREATE INDEX "QueueTicket_windowId_finishedAt_idx" ON "QueueTicket"("windowId", "finishedAt");
CREATE UNIQUE INDEX "QueueTicket_centerId_ticketNo_issuedAt_key" ON "QueueTicket"("centerId", "ticketNo", "issuedAt");
CREATE UNIQUE INDEX "QueueTicket_centerId_serviceDate_ticketNo_key" ON "QueueTicket"("centerId", "serviceDate", "ticketNo");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "QueueEvent_windowId_at_idx" ON "QueueEvent"("windowId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "QueueEvent_centerId_eventId_key" ON "QueueEvent"("centerId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "QueueApiKey_keyHash_key" ON "QueueApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "QueueApiKey_centerId_idx" ON "QueueApiKey"("centerId");


