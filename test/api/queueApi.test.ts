// The queue-calling system API: key management (admin only, audited, hash stored, revocable), 401 for a
// missing/wrong/revoked key, 400 codes for bad reports, idempotency by eventId, waiting and service
// times, window state and the rating invitation on the window's pad when a service finishes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hallSnapshotSchema, type WindowTile } from "../../server/src/contracts/liveHall.ts";
import type { CreatedQueueKey, QueueReportResult } from "../../server/src/contracts/queue.ts";
import type { InvitationMessage } from "../../server/src/contracts/kiosk.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { sha256 } from "../../server/src/lib/tokens.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let clients: Map<Role, ApiClient>;
let centerId: number;
let key: string;
let window: { id: number; number: number };
let staff: { id: number; staffNo: string };
let item: { id: number; code: string };
const pads: TestPad[] = [];
let eventNo = 0;

const at = (minutesAfterTen: number) => new Date(Date.parse("2026-11-30T02:00:00.000Z") + minutesAfterTen * 60_000).toISOString();
const report = (path: string, body: Record<string, unknown>, apiKey: string | null = key) =>
  fetch(`${server.url}/api/queue/v1/tickets/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as QueueReportResult & { error: { code: string; issues?: { path: string }[] } } }));
const nextEvent = () => `evt-${++eventNo}`;
const tile = async (): Promise<WindowTile> => {
  const res = await clients.get("SUPERVISOR")!.get("/api/live/snapshot");
  return hallSnapshotSchema.parse(res.body).tiles.find((t) => t.windowId === window.id)!;
};

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { prisma } = server.services;
  centerId = (await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  clients = await signInEveryRole(server.url, accounts);
  const w = await prisma.window.findFirstOrThrow({ where: { centerId, active: true }, orderBy: { number: "asc" }, include: { staff: { include: { staff: true } }, items: { include: { item: true } } } });
  window = { id: w.id, number: w.number };
  staff = { id: w.staff[0]!.staff.id, staffNo: w.staff[0]!.staff.staffNo };
  item = { id: w.items[0]!.item.id, code: w.items[0]!.item.code };
  await prisma.shift.updateMany({ where: { OR: [{ windowId: w.id }, { staffId: staff.id }], endedAt: null }, data: { endedAt: clock.now() } });
  await prisma.shift.create({ data: { centerId, windowId: w.id, staffId: staff.id, startedAt: new Date(Date.parse(at(-60))) } });
});
afterAll(async () => {
  for (const p of pads) p.close();
  await server?.stop();
});

describe("API keys", () => {
  // ADMIN SECURITY_ADMIN LEADER SUPERVISOR STAFF LIAISON AUDITOR CITY_LEADER CITY_AUDITOR
  const expected: Expect = row(201, 403, 403, 403, 403, 403, 403, 403, 403);
  it.each(Object.entries(expected) as [Role, number][])("creating one as %s → %i", async (role, status) => {
    expect((await clients.get(role)!.post("/api/queue/keys", { name: `叫号机 ${role}` })).status).toBe(status);
  });

  it("is shown once, stored only as a hash, audited, listed without the key, and refused once revoked", async () => {
    const admin = clients.get("ADMIN")!;
    const created = await admin.post<CreatedQueueKey>("/api/queue/keys", { name: "大厅叫号系统" });
    expect(created.status).toBe(201);
    key = created.body.key;
    const stored = await server.services.prisma.queueApiKey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.keyHash).toBe(sha256(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    const list = await admin.get<{ items: Record<string, unknown>[] }>("/api/queue/keys");
    expect(JSON.stringify(list.body)).not.toContain(key);
    const audit = await server.services.prisma.auditEntry.findFirst({ where: { action: "create.queueKey", entityId: String(created.body.id) } });
    expect(audit).not.toBeNull();

    const spare = await admin.post<CreatedQueueKey>("/api/queue/keys", { name: "备用" });
    expect((await report("issued", { eventId: nextEvent(), ticketNo: "Z001", issuedAt: at(0) }, spare.body.key)).status).toBe(201);
    expect((await admin.post(`/api/queue/keys/${spare.body.id}/revoke`)).status).toBe(200);
    expect(await server.services.prisma.auditEntry.count({ where: { action: "revoke.queueKey", entityId: String(spare.body.id) } })).toBe(1);
    const refused = await report("issued", { eventId: nextEvent(), ticketNo: "Z002", issuedAt: at(0) }, spare.body.key);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("QUEUE_KEY_INVALID");
    expect((await admin.post("/api/queue/keys", { name: "" })).status).toBe(400);
    expect((await admin.post("/api/queue/keys/999999/revoke")).status).toBe(404);
  });
});

describe("reports", () => {
  it("401 without a key or with a wrong one, before looking at the body", async () => {
    for (const apiKey of [null, "hwq_wrong", `${key}x`]) {
      const res = await report("called", { nonsense: true }, apiKey);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("QUEUE_KEY_INVALID");
    }
  });

  it("400 with a code and the field for bad reports; nothing is stored", async () => {
    const before = await server.services.prisma.queueEvent.count();
    const cases: [string, Record<string, unknown>, string, string?][] = [
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(0), at: at(1) }, "VALIDATION_FAILED", "window"],
      ["called", { eventId: nextEvent(), ticketNo: "A 001", issuedAt: at(0), at: at(1), window: window.number }, "VALIDATION_FAILED", "ticketNo"],
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: "yesterday", at: at(1), window: window.number }, "VALIDATION_FAILED", "issuedAt"],
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(0), at: at(1), window: window.number, extra: 1 }, "VALIDATION_FAILED"],
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(5), at: at(1), window: window.number }, "VALIDATION_FAILED", "at"],
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(0), at: at(60), window: window.number }, "VALIDATION_FAILED", "at"],
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(0), at: at(1), window: 9999 }, "QUEUE_UNKNOWN_WINDOW"],
      ["called", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(0), at: at(1), window: window.number, staffNo: "nobody" }, "QUEUE_UNKNOWN_STAFF"],
      ["issued", { eventId: nextEvent(), ticketNo: "A001", issuedAt: at(0), itemCode: "no-such-item" }, "QUEUE_UNKNOWN_ITEM"],
      ["issued", { eventId: "", ticketNo: "A001", issuedAt: at(0) }, "VALIDATION_FAILED", "eventId"],
    ];
    for (const [path, body, code, field] of cases) {
      const res = await report(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      if (field) expect(res.body.error.issues?.map((i) => i.path)).toContain(field);
    }
    const notJson = await fetch(`${server.url}/api/queue/v1/tickets/issued`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: "{" });
    expect(notJson.status).toBe(400);
    expect(await server.services.prisma.queueEvent.count()).toBe(before);
  });

  it("issue → call → start → finish: wait and service times per window, staff and item; the window serves, then idles with the figures; the pad is invited", async () => {
    const pad = await connectPad(server, window.id);
    pads.push(pad);
    const invited = pad.next<InvitationMessage>("invitation.created");
    expect((await report("issued", { eventId: nextEvent(), ticketNo: "A017", issuedAt: at(0), itemCode: item.code })).status).toBe(201);
    clock.set(at(12));
    expect((await report("called", { eventId: nextEvent(), ticketNo: "A017", issuedAt: at(0), at: at(12), window: window.number })).status).toBe(201);
    expect((await tile()).state).toEqual({ kind: "SERVING", since: at(12) });
    clock.set(at(13));
    await report("started", { eventId: nextEvent(), ticketNo: "A017", issuedAt: at(0), at: at(13), window: window.number, staffNo: staff.staffNo });
    clock.set(at(21));
    const finished = await report("finished", { eventId: "fin-A017", ticketNo: "A017", issuedAt: at(0), at: at(21), window: window.number });
    expect(finished.status).toBe(201);
    expect(finished.body.ticket).toMatchObject({ ticketNo: "A017", serviceDate: "2026-11-30", windowNumber: window.number, waitSeconds: 12 * 60, serviceSeconds: 8 * 60, noShow: false });
    const row = await server.services.prisma.queueTicket.findFirstOrThrow({ where: { ticketNo: "A017" } });
    expect(row).toMatchObject({ windowId: window.id, staffId: staff.id, itemId: item.id });
    const invitation = await invited;
    expect(invitation.invitationId).toBe(finished.body.ticket.invitationId);
    const stored = await server.services.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.invitationId } });
    expect(stored).toMatchObject({ source: "QUEUE", windowId: window.id, staffId: staff.id, itemId: item.id });
    const t = await tile();
    expect(t.state).toEqual({ kind: "IDLE", since: at(21) });
    expect(t.today).toMatchObject({ served: 1, avgWaitSeconds: 720, avgServiceSeconds: 480 });
  });

  it("a resent report answers duplicate:true and changes nothing; the same id with other content is a 409", async () => {
    const again = await report("finished", { eventId: "fin-A017", ticketNo: "A017", issuedAt: at(0), at: at(21), window: window.number });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.ticket.serviceSeconds).toBe(480);
    expect(await server.services.prisma.invitation.count({ where: { source: "QUEUE" } })).toBe(1);
    expect((await tile()).today.served).toBe(1);
    const other = await report("finished", { eventId: "fin-A017", ticketNo: "A017", issuedAt: at(0), at: at(22), window: window.number });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("QUEUE_EVENT_CONFLICT");
    const second = await report("finished", { eventId: nextEvent(), ticketNo: "A017", issuedAt: at(0), at: at(22), window: window.number });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("QUEUE_ILLEGAL_STEP");
    const both = await Promise.all([1, 2, 3].map(() => report("called", { eventId: "same-time", ticketNo: "A018", issuedAt: at(14), at: at(22), window: window.number })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await server.services.prisma.queueEvent.count({ where: { eventId: "same-time" } })).toBe(1);
  });

  it("a no-show ends the call without service time and counts on the tile; service after it is refused", async () => {
    clock.set(at(25));
    const res = await report("no-show", { eventId: nextEvent(), ticketNo: "A018", issuedAt: at(14), at: at(25), window: window.number });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatchObject({ noShow: true, waitSeconds: 8 * 60, serviceSeconds: null });
    const t = await tile();
    expect(t.today).toMatchObject({ served: 1, noShows: 1 });
    expect(t.state.kind).toBe("IDLE");
    const late = await report("started", { eventId: nextEvent(), ticketNo: "A018", issuedAt: at(14), at: at(26), window: window.number });
    expect(late.status).toBe(409);
  });
});
