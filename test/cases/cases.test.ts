// Cases end to end over HTTP on a real server and database, with a ManualClock: acceptance and its
// refusals, the lifecycle, the deadline sweep with live warnings, the slow-action proposal a leader
// decides, the SMS outbox and the public lookup.
import ExcelJS from "exceljs";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDto, CaseLookupDto } from "../../server/src/contracts/cases.ts";
import type { AccountabilityDto } from "../../server/src/contracts/accountability.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { evaluateDeadlines } from "../../server/src/domain/cases/evaluateDeadlines.ts";
import { dispatchNotifications } from "../../server/src/domain/notifications/outbox.ts";
import { runDueJobs } from "../../server/src/jobs/scheduler.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

// Monday 2026-11-23 10:00 in Shanghai
const clock = new ManualClock("2026-11-23T02:00:00Z");
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let fx: CaseFixture;
const clients = {} as Record<"staff" | "supervisor" | "leader" | "public", ApiClient>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ clock });
  const center = await server.services.prisma.center.findFirstOrThrow();
  accounts = await demoAccounts(server, center.id);
  fx = await caseFixture(server, accounts.STAFF.staffId!);
  for (const [key, role] of [["staff", "STAFF"], ["supervisor", "SUPERVISOR"], ["leader", "LEADER"]] as const) {
    clients[key] = new ApiClient(server.url);
    await clients[key].login(accounts[role].username, accounts[role].password);
  }
  clients.public = new ApiClient(server.url);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
});

/** Moves the clock; sessions expire when it jumps, so every client signs in again (as people would). */
async function setClock(to: Date | string | number): Promise<void> {
  clock.set(new Date(to));
  for (const [key, role] of [["staff", "STAFF"], ["supervisor", "SUPERVISOR"], ["leader", "LEADER"]] as const) {
    await clients[key].login(accounts[role].username, accounts[role].password);
  }
}

const accept = (n: number, over: Record<string, unknown> = {}) =>
  clients.staff.post<CaseDto>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...citizen(n), ...over });
const act = (id: number, action: string, reason?: string) => clients.staff.post<CaseDto>(`/api/cases/${id}/actions`, { action, ...(reason ? { reason } : {}) });
const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

describe("accepting a case", () => {
  it("issues a readable case number, a deadline in working days, masks the ID and encrypts the phone", async () => {
    const res = await accept(1);
    expect(res.status).toBe(201);
    expect(res.body.caseNo).toMatch(/^2026112300\d{3}$/);
    expect(res.body.state).toBe("ACCEPTED");
    expect(res.body.citizenIdMasked).toBe("5101**********1001");
    expect(res.body.workingDaysLeft).toBe(fx.promisedLimitDays);
    const row = await server.services.prisma.case.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.citizenPhoneEnc).not.toContain("13800138001");
    expect(row.citizenPhoneLast4).toBe("8001");
    const sms = await server.services.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `case:${row.id}:accepted` } });
    expect(sms.recipientMasked).toBe("138****8001");
    expect(await server.services.prisma.auditEntry.count({ where: { entity: "Case", entityId: String(row.id), action: "accept.case" } })).toBe(1);
  });

  it("refuses an unknown item, an item the window does not serve, a window the staff member does not work at", async () => {
    expect(errorCode((await accept(2, { itemId: 999_999 })).body)).toBe("ITEM_UNKNOWN");
    const notServed = await accept(2, { itemId: fx.notServedItemId });
    expect([notServed.status, errorCode(notServed.body)]).toEqual([400, "ITEM_NOT_SERVED"]);
    const foreign = await accept(2, { windowId: fx.foreignWindowId });
    expect([foreign.status, errorCode(foreign.body)]).toEqual([403, "WINDOW_NOT_ASSIGNED"]);
  });

  it("refuses a double acceptance of the same citizen's item", async () => {
    expect((await accept(3)).status).toBe(201);
    const again = await accept(3);
    expect([again.status, errorCode(again.body)]).toEqual([409, "CASE_DUPLICATE"]);
  });

  it("answers bad input with 400 and writes nothing", async () => {
    const before = await server.services.prisma.case.count();
    const res = await accept(4, { citizenId: "123", citizenPhone: "abc", extra: 1 });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe("VALIDATION_FAILED");
    expect(await server.services.prisma.case.count()).toBe(before);
  });

  it("prints an acceptance notice with a QR code to the public lookup", async () => {
    const c = (await accept(5)).body;
    const notice = await clients.staff.get<{ qrSvg: string; lookupUrl: string; case: CaseDto }>(`/api/cases/${c.id}/notice`);
    expect(notice.status).toBe(200);
    expect(notice.body.qrSvg).toContain("<svg");
    expect(notice.body.lookupUrl).toContain(`/lookup?caseNo=${c.caseNo}`);
  });
});

describe("workbench helpers", () => {
  it("offers the staff member's windows with the items each serves", async () => {
    const res = await clients.staff.get<{ windows: { id: number; items: { id: number }[] }[] }>("/api/cases/intake-options");
    const window = res.body.windows.find((w) => w.id === fx.windowId);
    expect(window?.items.map((i) => i.id)).toContain(fx.itemId);
    expect((await clients.supervisor.get("/api/cases/intake-options")).status).toBe(403);
  });

  it("exports the filtered case list to Excel", async () => {
    const res = await fetch(new URL("/api/cases/export?open=1", server.url), { headers: { cookie: [...clients.supervisor.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet("办件")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("办件编号");
    expect(sheet.rowCount).toBeGreaterThan(1);
  });
});

describe("the case lifecycle", () => {
  it("starts, suspends (with a reason), resumes with the deadline moved, and completes; refuses what does not fit", async () => {
    const c = (await accept(10)).body;
    expect((await act(c.id, "start")).body.state).toBe("IN_PROGRESS");
    expect(errorCode((await act(c.id, "start")).body)).toBe("CASE_ILLEGAL_TRANSITION");
    expect(errorCode((await act(c.id, "suspend")).body)).toBe("CASE_REASON_REQUIRED");
    expect((await act(c.id, "suspend", "缺少户口簿复印件")).body.state).toBe("SUSPENDED");
    await setClock(clock.now().getTime() + 2 * 24 * 3600_000); // Wednesday
    const resumed = (await act(c.id, "resume")).body;
    expect(resumed.suspendedDays).toBe(2);
    expect(new Date(resumed.dueAt).getTime()).toBeGreaterThan(new Date(c.dueAt).getTime());
    const done = await act(c.id, "complete");
    expect(done.body.state).toBe("COMPLETED");
    expect(done.body.transitions!.map((t) => t.toState)).toEqual(["ACCEPTED", "IN_PROGRESS", "SUSPENDED", "IN_PROGRESS", "COMPLETED"]);
    expect(done.body.transitions![2]!.reason).toBe("缺少户口簿复印件");
    const invitations = await server.services.prisma.invitation.count({ where: { caseId: c.id } });
    expect(invitations).toBe(2); // on acceptance and on completion
    await setClock("2026-11-23T02:00:00Z");
  });

  it("refuses completing a rejected case, and a step dated before the last one", async () => {
    const c = (await accept(11)).body;
    expect((await act(c.id, "reject", "不属于本中心受理范围")).body.rejectedReason).toBe("不属于本中心受理范围");
    expect(errorCode((await act(c.id, "complete")).body)).toBe("CASE_ILLEGAL_TRANSITION");
    const d = (await accept(12)).body;
    await setClock(clock.now().getTime() - 3600_000);
    const back = await act(d.id, "start");
    expect([back.status, errorCode(back.body)]).toEqual([409, "CASE_CLOCK_BACKWARDS"]);
    await setClock("2026-11-23T02:00:00Z");
  });

  it("lets only the handling staff member move a case; supervisors read it", async () => {
    const c = (await accept(13)).body;
    expect((await clients.supervisor.post(`/api/cases/${c.id}/actions`, { action: "start" })).status).toBe(403);
    expect((await clients.supervisor.get(`/api/cases/${c.id}`)).status).toBe(200);
  });
});

describe("deadlines, warnings and accountability", () => {
  it("turns a case yellow then red as the clock moves, live on /supervisor, and proposes a slow-action record once", async () => {
    await setClock("2026-11-23T02:00:00Z");
    const c = (await accept(20)).body;
    const socket = openSupervisorSocket(server.url, clients.supervisor, { reconnection: false });
    sockets.push(socket);
    const warnings: { caseId: number; level: string }[] = [];
    socket.on("case.warning", (e: { data: { caseId: number; level: string } }) => warnings.push(e.data));
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });

    await evaluateDeadlines(server.services);
    expect((await clients.supervisor.get<CaseDto>(`/api/cases/${c.id}`)).body.warning).toBe("NONE");

    await setClock(new Date(c.dueAt).getTime() - 3600_000); // the deadline day, 16:00
    await runDueJobs(server.services);
    expect((await clients.supervisor.get<CaseDto>(`/api/cases/${c.id}`)).body.warning).toBe("YELLOW");

    await setClock(new Date(c.dueAt).getTime() + 3600_000);
    await runDueJobs(server.services);
    await runDueJobs(server.services); // same tick: skipped
    await evaluateDeadlines(server.services); // run again: changes nothing
    const red = (await clients.supervisor.get<CaseDto>(`/api/cases/${c.id}`)).body;
    expect(red.warning).toBe("RED");
    expect(red.workingDaysLeft).toBe(-1);

    await expect.poll(() => warnings.filter((w) => w.caseId === c.id).map((w) => w.level)).toEqual(["YELLOW", "RED"]);
    const overdueList = await clients.supervisor.get<{ items: CaseDto[] }>(`/api/cases?warning=RED&q=${c.caseNo}`);
    expect(overdueList.body.items.map((i) => i.id)).toContain(c.id);

    const records = await server.services.prisma.accountabilityRecord.findMany({ where: { caseId: c.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: "SLOW_ACTION", source: "AUTO_OVERDUE_CASE", state: "PROPOSED", sourceKey: `case:${c.id}:overdue` });
    expect(await server.services.prisma.alert.count({ where: { subjectId: String(c.id) } })).toBe(2);

    // a clock moved backwards does not un-warn
    await setClock("2026-11-23T02:00:00Z");
    await evaluateDeadlines(server.services);
    expect((await server.services.prisma.case.findUniqueOrThrow({ where: { id: c.id } })).warning).toBe("RED");
  });

  it("lets a leader confirm a proposed record with a consequence, once; a supervisor may not decide", async () => {
    const record = await server.services.prisma.accountabilityRecord.findFirstOrThrow({ where: { state: "PROPOSED", case: { caseNo: { startsWith: "20261123" } } } });
    const bySupervisor = await clients.supervisor.post(`/api/accountability/${record.id}/decision`, { decision: "CONFIRM", reason: "确属超期", consequence: "DEDUCTION" });
    expect(bySupervisor.status).toBe(403);
    const noReason = await clients.leader.post(`/api/accountability/${record.id}/decision`, { decision: "CONFIRM", consequence: "DEDUCTION" });
    expect(noReason.status).toBe(400);
    const ok = await clients.leader.post<AccountabilityDto>(`/api/accountability/${record.id}/decision`, { decision: "CONFIRM", reason: "确属超期，扣分处理", consequence: "DEDUCTION" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: "CONFIRMED", consequence: "DEDUCTION", decisionReason: "确属超期，扣分处理" });
    const again = await clients.leader.post(`/api/accountability/${record.id}/decision`, { decision: "DISMISS", reason: "再议" });
    expect([again.status, errorCode(again.body)]).toEqual([409, "ACCOUNTABILITY_DECIDED"]);
    expect(await server.services.prisma.auditEntry.count({ where: { entity: "AccountabilityRecord", entityId: String(record.id) } })).toBe(2);
  });

  it("records a job run per tick", async () => {
    const runs = await server.services.prisma.jobRun.findMany({ where: { job: "case-deadlines" } });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.state === "DONE")).toBe(true);
  });
});

describe("SMS outbox", () => {
  it("retries a failing provider with backoff and marks the failure visible", async () => {
    await setClock("2026-11-30T02:00:00Z");
    await dispatchNotifications(server.services); // earlier messages go out through the default provider
    const c = (await accept(40)).body;
    const failing = { send: async () => Promise.reject(new Error("gateway down")) };
    expect(await dispatchNotifications(server.services, failing)).toEqual({ sent: 0, failed: 1 });
    const row = await server.services.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `case:${c.id}:accepted` } });
    expect(row).toMatchObject({ state: "PENDING", lastError: "gateway down" });
    expect(row.nextAttemptAt!.getTime()).toBe(clock.now().getTime() + 60_000);
    expect((await dispatchNotifications(server.services, failing)).failed).toBe(0); // not due yet
    clock.advance(60_000);
    const sent: string[] = [];
    await dispatchNotifications(server.services, { send: async (m) => void sent.push(m.text) });
    expect(sent.some((t) => t.includes("已受理"))).toBe(true);
    expect((await server.services.prisma.notification.findUniqueOrThrow({ where: { id: row.id } })).state).toBe("SENT");
  });
});

describe("public case lookup", () => {
  it("shows status, item, deadline and working days left, and nothing else", async () => {
    await setClock("2026-11-23T02:00:00Z");
    const c = (await accept(30)).body;
    const res = await clients.public.post<CaseLookupDto>("/api/lookup/cases", { caseNo: c.caseNo, phoneLast4: "8030" });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["caseNo", "dueAt", "itemName", "state", "workingDaysLeft"]);
    expect(res.body.workingDaysLeft).toBe(fx.promisedLimitDays);
  });

  it("gives the same answer for a wrong number and a wrong phone, and locks a case number after repeated guesses", async () => {
    const c = (await accept(31)).body;
    const guesser = new ApiClient(server.url);
    const wrongNo = await guesser.post("/api/lookup/cases", { caseNo: "20261123999999", phoneLast4: "8031" });
    const wrongPhone = await guesser.post("/api/lookup/cases", { caseNo: c.caseNo, phoneLast4: "0000" });
    expect([wrongNo.status, errorCode(wrongNo.body)]).toEqual([404, "LOOKUP_NOT_FOUND"]);
    expect(errorCode(wrongPhone.body)).toBe("LOOKUP_NOT_FOUND");
    for (let i = 1; i <= 5; i++) await guesser.post("/api/lookup/cases", { caseNo: c.caseNo, phoneLast4: String(1000 + i) });
    const right = await guesser.post("/api/lookup/cases", { caseNo: c.caseNo, phoneLast4: "8031" });
    expect([right.status, errorCode(right.body)]).toEqual([429, "TOO_MANY_REQUESTS"]);
  });

  it("refuses one address after its request budget", async () => {
    const flooder = new ApiClient(server.url);
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await flooder.post("/api/lookup/cases", { caseNo: "20261123000001", phoneLast4: "0000" })).status;
    expect(last).toBe(429);
  });
});
