// Sending a failed SMS again: a message that gave up after its attempts is FAILED and visible with its
// error; a supervisor of the center puts it back in the queue (audited), the next dispatch sends it;
// only FAILED messages can be retried, and only by the center's supervisors and leaders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboxDto } from "../../server/src/contracts/notifications.ts";
import { ROLES, type Role } from "../../server/src/contracts/roles.ts";
import { dispatchNotifications, MAX_ATTEMPTS, type SmsProvider } from "../../server/src/domain/notifications/outbox.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { cipherFor, maskPhone } from "../../server/src/lib/crypto.ts";
import type { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { row, signInEveryRole } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z");
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let clients: Map<Role, ApiClient>;
let failedId = 0;
const failing: SmsProvider = { send: async () => Promise.reject(new Error("短信网关无响应")) };

/** Queues one message and lets it fail every attempt (the clock moves past each backoff). */
async function failOneMessage(centerId: number, dedupeKey: string): Promise<number> {
  const { prisma } = server.services;
  await dispatchNotifications(server.services); // whatever the demo left pending goes out first
  const phone = "13800138123";
  const row = await prisma.notification.create({
    data: { centerId, channel: "SMS", recipientEnc: cipherFor(server.services.config).encrypt(phone), recipientMasked: maskPhone(phone), template: "CASE_COMPLETED", payload: { caseNo: "2026112300099" }, state: "PENDING", createdAt: clock.now(), nextAttemptAt: clock.now(), dedupeKey },
  });
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    await dispatchNotifications(server.services, failing);
    clock.advance(10 * 60_000); // past the longest backoff (8 minutes)
  }
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock, halls: 2, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168" } });
  const centers = await server.services.prisma.center.findMany({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, centers[0]!.id);
  clients = await signInEveryRole(server.url, accounts);
  failedId = await failOneMessage(centers[0]!.id, "test:retry");
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("retrying a failed SMS", () => {
  it("shows the failed message with its attempts and error; a supervisor queues it again and it is sent", async () => {
    const sup = clients.get("SUPERVISOR")!;
    const failed = await sup.get<{ items: OutboxDto[] }>("/api/notifications?state=FAILED");
    const shown = failed.body.items.find((n) => n.id === failedId);
    expect(shown).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS, lastError: "短信网关无响应" });

    const retried = await sup.post<OutboxDto>(`/api/notifications/${failedId}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.state).toBe("PENDING");
    expect(await server.services.prisma.auditEntry.count({ where: { entity: "Notification", entityId: String(failedId), action: "retry.notification" } })).toBe(1);

    const again = await sup.post(`/api/notifications/${failedId}/retry`);
    expect([again.status, (again.body as { error: { code: string } }).error.code]).toEqual([409, "NOTIFICATION_NOT_FAILED"]);

    const sent: string[] = [];
    expect((await dispatchNotifications(server.services, { send: async (m) => void sent.push(m.text) })).sent).toBeGreaterThanOrEqual(1);
    expect(sent.some((t) => t.includes("2026112300099"))).toBe(true);
    expect((await server.services.prisma.notification.findUniqueOrThrow({ where: { id: failedId } })).state).toBe("SENT");
  });

  it("role matrix: the center's supervisors and leaders retry; others may not; another center's is not found", async () => {
    const centers = await server.services.prisma.center.findMany({ orderBy: { id: "asc" } });
    const ids: Record<Role, number> = {} as Record<Role, number>;
    for (const role of ROLES) ids[role] = await failOneMessage(centers[0]!.id, `test:matrix:${role}`);
    const other = await failOneMessage(centers[1]!.id, "test:other-center");
    const got = {} as Record<Role, number>;
    const otherCenter = {} as Record<Role, number>;
    for (const role of ROLES) {
      got[role] = (await clients.get(role)!.post(`/api/notifications/${ids[role]}/retry`)).status;
      otherCenter[role] = (await clients.get(role)!.post(`/api/notifications/${other}/retry`)).status;
    }
    //                     ADMIN SEC LEAD SUP STAFF LIAI AUDI CITYL CITYA
    expect(got).toEqual(row(403, 403, 200, 200, 403, 403, 403, 403, 403));
    expect(otherCenter).toEqual(row(403, 403, 404, 404, 403, 403, 403, 403, 403));
  });
});
