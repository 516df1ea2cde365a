// The audit log: every change is recorded with who/when/what and before/after, entries are
// hash-chained, the chain check finds an edited entry, and no one can change the log through the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/src/domain/audit/verifyAuditChain.ts";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { ApiClient } from "../support/apiClient.ts";
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../support/testServer.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Entry {
  action: string;
  actorRole: string;
  actorName: string | null;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe("audit log", () => {
  it("records an account change with the actor, before and after, and shows it to the auditor", async () => {
    const admin = new ApiClient(server.url);
    await admin.login("admin", TEST_ADMIN_PASSWORD);
    const created = await admin.post<{ id: number }>("/api/users", { username: "audited", displayName: "王审计", role: "SUPERVISOR", password: "a-good-password-1" });
    expect(created.status).toBe(201);
    expect((await admin.patch(`/api/users/${created.body.id}`, { displayName: "王审计二", active: false })).status).toBe(200);

    const auditor = new ApiClient(server.url);
    await auditor.login("auditor", DEMO_PASSWORD);
    const log = await auditor.get<{ items: Entry[] }>("/api/audit?entity=User&pageSize=100");
    const update = log.body.items.find((e) => e.action === "update.user" && e.entityId === String(created.body.id))!;
    expect(update.actorRole).toBe("ADMIN");
    expect(update.actorName).toBeTruthy();
    expect(update.before).toMatchObject({ displayName: "王审计", active: true });
    expect(update.after).toMatchObject({ displayName: "王审计二", active: false });
    expect(JSON.stringify(log.body)).not.toContain("argon2");
    expect(log.body.items.some((e) => e.action === "create.user" && e.entityId === String(created.body.id))).toBe(true);
    expect(log.body.items.some((e) => e.action === "login.succeeded")).toBe(true);
  });

  it("the chain verifies, and an entry edited behind the application's back is found", async () => {
    const { prisma, db } = server.services;
    const before = await verifyAuditChain(prisma);
    expect(before.firstBrokenId).toBeNull();
    expect(before.checked).toBe(await prisma.auditEntry.count());

    const victim = await prisma.auditEntry.findFirstOrThrow({ where: { action: "create.user" } });
    // The database refuses edits and deletions outright…
    expect(() => db.raw.prepare(`UPDATE "AuditEntry" SET "actorRole" = 'LEADER' WHERE id = ?`).run(victim.id)).toThrow(/append-only/);
    expect(() => db.raw.prepare(`DELETE FROM "AuditEntry" WHERE id = ?`).run(victim.id)).toThrow(/append-only/);
    await expect(prisma.auditEntry.update({ where: { id: victim.id }, data: { action: "x" } })).rejects.toThrow();
    // …and someone with the file who drops the trigger is caught by the chain.
    db.raw.exec(`DROP TRIGGER "AuditEntry_no_update"`);
    db.raw.prepare(`UPDATE "AuditEntry" SET "actorRole" = 'LEADER' WHERE id = ?`).run(victim.id);
    const after = await verifyAuditChain(prisma);
    expect(after.firstBrokenId).toBe(victim.id);
  });
});
