// The bad-review loop end to end on a real server and a real socket.io-client pad: a bad rating opens its
// ticket in the rating's own commit (a good one does not), the callback number is stored encrypted and
// shown masked, steps out of order are refused with nothing written, a full loop closes, overdue steps
// alert and propose accountability once per step, and the number is purged after the retention.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertCreatedMessage } from "../../server/src/contracts/alerts.ts";
import type { RectificationDto, RectificationListItemDto } from "../../server/src/contracts/rectifications.ts";
import type { Page } from "../../server/src/contracts/common.ts";
import { runDueJobs } from "../../server/src/jobs/scheduler.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
const PHONE = "13812345678";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let server: TestServer;
let pad: TestPad;
let staff: DemoAccount;
let staffClient: ApiClient;
let supervisor: ApiClient;
let supervisorAccount: DemoAccount;

const rating = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), level: 5, ratedAt: clock.now().toISOString(), ...over });
/** Walk-ups from one pad must be 30 s apart: each submit moves the clock a minute on. */
async function rate(over: Record<string, unknown>) {
  clock.advance(MINUTE);
  const body = rating(over);
  return { id: body.id, ack: await pad.submit(body) };
}
/** Sessions expire when the clock jumps days: sign in again after moving it. */
async function moveClock(to: Date) {
  clock.set(to);
  staffClient = new ApiClient(server.url);
  await staffClient.login(staff.username, staff.password);
  supervisor = new ApiClient(server.url);
  await supervisor.login(supervisorAccount.username, supervisorAccount.password);
}
const ticket = (id: string) => server.services.prisma.rectification.findUnique({ where: { id } });
const written = async (id: string) => ({
  events: await server.services.prisma.rectificationEvent.count({ where: { rectificationId: id } }),
  audit: await server.services.prisma.auditEntry.count(),
  row: await ticket(id),
});

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { prisma } = server.services;
  const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  const accounts = await demoAccounts(server, center.id);
  staff = accounts.STAFF;
  const post = await prisma.windowStaff.findFirstOrThrow({ where: { staffId: staff.staffId! } });
  // The staff member is on duty at their window, so the pad's ratings name them (谁办理谁负责)
  await prisma.shift.deleteMany({ where: { OR: [{ windowId: post.windowId }, { staffId: staff.staffId! }], endedAt: null } });
  await prisma.shift.create({ data: { centerId: center.id, windowId: post.windowId, staffId: staff.staffId!, startedAt: new Date(clock.now().getTime() - 3600_000) } });
  pad = await connectPad(server, post.windowId);
  supervisorAccount = accounts.SUPERVISOR;
  await moveClock(clock.now());
}, 120_000);
afterAll(async () => {
  pad?.close();
  await server?.stop();
});

describe("opening", () => {
  it("a good rating opens no ticket", async () => {
    const { id, ack } = await rate({ level: 4 });
    expect(ack).toMatchObject({ ok: true, duplicate: false });
    expect(await ticket(id)).toBeNull();
  });

  it("a 非常不满意 with a number opens a ticket in the rating's commit: owner, first due, encrypted number, BAD_REVIEW alert", async () => {
    const { id, ack } = await rate({ level: 1, reasons: ["L1-01"], callbackPhone: PHONE, callbackConsent: true });
    expect(ack).toMatchObject({ ok: true, duplicate: false });
    // Acknowledged means committed: the ticket is there already, no waiting
    const row = await ticket(id);
    expect(row).toMatchObject({ state: "VERIFY", ownerStaffId: staff.staffId, evaluationId: id });
    // One working day (Tuesday) at closing time, 17:00 Shanghai
    expect(row!.stepDueAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    const raw = server.services.db.raw.prepare(`SELECT "citizenPhoneEnc" AS enc, "phoneConsentAt" AS consent FROM "Rectification" WHERE "id" = ?`).get(id) as { enc: string; consent: string };
    expect(raw.enc).toMatch(/^v1:/);
    expect(raw.enc).not.toContain(PHONE);
    expect(raw.enc).not.toContain("5678");
    expect(raw.consent).not.toBeNull();
    const alert = await server.services.prisma.alert.findFirst({ where: { kind: "BAD_REVIEW", subjectId: id } });
    expect(alert).toMatchObject({ severity: "RED", staffId: staff.staffId });

    const detail = await supervisor.get<RectificationDto>(`/api/rectifications/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ citizenPhoneMasked: "138****5678", nextStep: "verify", overdue: false, evaluation: { level: 1, reasons: ["L1-01"] } });
    expect(JSON.stringify(detail.body)).not.toContain(PHONE);
    const list = await supervisor.get<Page<RectificationListItemDto>>("/api/rectifications?state=VERIFY");
    expect(list.body.items.map((i) => i.id)).toContain(id);
    expect(JSON.stringify(list.body)).not.toContain(PHONE);
  });

  it("the supervisors hear the alert and the new ticket live, with the number masked", async () => {
    const socket = openSupervisorSocket(server.url, supervisor);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const ticketHeard = new Promise<RectificationListItemDto>((resolve) => socket.on("rectification.changed", (e: { data: RectificationListItemDto }) => resolve(e.data)));
      const alertHeard = new Promise<AlertCreatedMessage>((resolve) => socket.on("alert.created", (e: { data: AlertCreatedMessage }) => e.data.alert.kind === "BAD_REVIEW" && resolve(e.data)));
      const { id } = await rate({ level: 1, callbackPhone: PHONE, callbackConsent: true });
      const [heard, alert] = await Promise.all([ticketHeard, alertHeard]);
      expect(heard).toMatchObject({ id, state: "VERIFY", citizenPhoneMasked: "138****5678", ownerStaffId: staff.staffId });
      expect(JSON.stringify(heard)).not.toContain(PHONE);
      expect(alert.alert).toMatchObject({ subjectId: id, severity: "RED" });
      // Announced from what the rating's transaction wrote, not read back: it must equal what the API reads
      const { departmentIds, ...item } = heard as RectificationListItemDto & { departmentIds: number[] };
      expect(departmentIds.length).toBeGreaterThan(0);
      const listed = await supervisor.get<{ items: RectificationListItemDto[] }>(`/api/rectifications?pageSize=500`);
      expect(listed.body.items.find((i) => i.id === id)).toEqual(item);
      const alerts = await supervisor.get<{ items: { id: number }[] }>(`/api/alerts?pageSize=500`);
      expect(alerts.body.items.find((a) => a.id === alert.alert.id)).toEqual(alert.alert);
    } finally {
      socket.close();
    }
  });

  it("a 不满意 without a number opens a ticket too, with no number", async () => {
    const { id } = await rate({ level: 2 });
    expect(await ticket(id)).toMatchObject({ state: "VERIFY", citizenPhoneEnc: null, phoneConsentAt: null });
  });

  it("a ticket that cannot be written takes its rating with it (one transaction); the pad's retry stores both", async () => {
    const raw = server.services.db.raw;
    raw.exec(`CREATE TRIGGER "test_refuse_rectification" BEFORE INSERT ON "Rectification" BEGIN SELECT RAISE(ABORT, 'refused by test'); END`);
    clock.advance(MINUTE);
    const body = rating({ level: 1, callbackPhone: PHONE, callbackConsent: true });
    try {
      expect(await pad.submit(body)).toMatchObject({ ok: false, error: { code: "BUSY", retryable: true } });
      expect(await server.services.prisma.evaluation.findUnique({ where: { id: body.id } })).toBeNull();
      expect(await server.services.prisma.alert.count({ where: { subjectId: body.id } })).toBe(0);
    } finally {
      raw.exec(`DROP TRIGGER "test_refuse_rectification"`);
    }
    expect(await pad.submit(body)).toMatchObject({ ok: true, duplicate: false });
    expect(await ticket(body.id)).toMatchObject({ state: "VERIFY" });
  });

  it("refuses a number on a good rating, without consent, in a wrong format: INVALID_PAYLOAD, nothing stored", async () => {
    const before = await server.services.prisma.evaluation.count();
    for (const over of [
      { level: 4, callbackPhone: PHONE, callbackConsent: true },
      { level: 1, callbackPhone: PHONE },
      { level: 1, callbackPhone: "12812345678", callbackConsent: true },
      { level: 1, callbackPhone: "1381234567", callbackConsent: true },
      { level: 2, callbackConsent: true },
    ]) {
      const { ack } = await rate(over);
      expect(ack).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD", retryable: false } });
    }
    expect(await server.services.prisma.evaluation.count()).toBe(before);
  });
});

describe("steps", () => {
  let id: string;
  beforeAll(async () => {
    id = (await rate({ level: 1, callbackPhone: PHONE, callbackConsent: true })).id;
  });

  it("refuses every step out of order with 400 and a code, writing nothing", async () => {
    const before = await written(id);
    const attempts: [string, unknown][] = [
      ["resolve", { resolution: "FIX", note: "已当场更正" }],
      ["callback", { reached: true, satisfied: true, note: "回访满意" }],
      ["close", {}],
    ];
    for (const [step, body] of attempts) {
      const res = await staffClient.post<{ error: { code: string; message: string; messageEn: string } }>(`/api/rectifications/${id}/${step}`, body);
      expect(res.status, step).toBe(400);
      expect(res.body.error.code).toBe("RECTIFICATION_ILLEGAL_STEP");
      expect(res.body.error.message).toMatch(/核实/);
      expect(res.body.error.messageEn).toMatch(/order/);
    }
    expect(await written(id)).toEqual(before);
  });

  it("refuses bad bodies: no evidence, a plan without its deadline, satisfied when not reached", async () => {
    expect((await staffClient.post<{ error: { code: string } }>(`/api/rectifications/${id}/verify`, { verified: true })).body.error.code).toBe("VALIDATION_FAILED");
    expect((await staffClient.post<{ error: { code: string } }>(`/api/rectifications/${id}/verify`, { verified: "yes", note: "经核查属实" })).status).toBe(400);
    const before = await written(id);
    expect((await staffClient.post(`/api/rectifications/${id}/verify`, { verified: true, note: "经核查属实" })).status).toBe(200);
    expect((await staffClient.post(`/api/rectifications/${id}/verify`, { verified: true, note: "再次核实" })).status).toBe(400);
    const plan = await staffClient.post<{ error: { code: string; issues: { path: string }[] } }>(`/api/rectifications/${id}/resolve`, { resolution: "PLAN", note: "制定整改方案" });
    expect(plan.status).toBe(400);
    expect(plan.body.error).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "planDueAt" }] });
    const past = await staffClient.post<{ error: { code: string } }>(`/api/rectifications/${id}/resolve`, { resolution: "PLAN", note: "制定整改方案", planDueAt: new Date(clock.now().getTime() - DAY).toISOString() });
    expect(past.body.error.code).toBe("RECTIFICATION_PLAN_DUE_INVALID");
    const fixWithDue = await staffClient.post<{ error: { code: string } }>(`/api/rectifications/${id}/resolve`, { resolution: "FIX", note: "已更正", planDueAt: new Date(clock.now().getTime() + DAY).toISOString() });
    expect(fixWithDue.body.error.code).toBe("VALIDATION_FAILED");
    const after = await written(id);
    // Only the one accepted verify wrote: one event, one audit entry
    expect(after.events).toBe(before.events + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.row!.state).toBe("RESOLVE");
  });

  it("runs a full loop to CLOSED: fix, callback, close; the number is revealed to the owner, audited, and set to be purged", async () => {
    const fix = await staffClient.post<RectificationDto>(`/api/rectifications/${id}/resolve`, { resolution: "FIX", note: "已当场更正告知单" });
    expect(fix.body).toMatchObject({ state: "CALLBACK", nextStep: "callback", resolution: "FIX" });
    const phone = await staffClient.get<{ phone: string }>(`/api/rectifications/${id}/phone`);
    expect(phone).toMatchObject({ status: 200, body: { phone: PHONE } });
    expect(await server.services.prisma.auditEntry.count({ where: { action: "reveal.rectificationPhone", entityId: id } })).toBe(1);
    const bad = await staffClient.post(`/api/rectifications/${id}/callback`, { reached: false, satisfied: true, note: "未接通" });
    expect(bad.status).toBe(400);
    const cb = await staffClient.post<RectificationDto>(`/api/rectifications/${id}/callback`, { reached: true, satisfied: true, note: "电话回访，群众表示满意" });
    expect(cb.body).toMatchObject({ state: "CALLBACK", nextStep: "close", callbackReached: true, callbackSatisfied: true });
    expect((await staffClient.post(`/api/rectifications/${id}/callback`, { reached: true, satisfied: true, note: "再次回访" })).status).toBe(400);
    const closed = await staffClient.post<RectificationDto>(`/api/rectifications/${id}/close`, { note: "办结" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: "CLOSED", nextStep: null, stepDueAt: null, everOverdue: false, citizenPhoneMasked: "138****5678", can: { act: false } });
    expect(closed.body.phonePurgeAt).toBe(new Date(clock.now().getTime() + 30 * DAY).toISOString());
    expect(closed.body.events.map((e) => e.step)).toEqual(["open", "verify", "resolve", "phone_revealed", "callback", "close"]);
    expect(closed.body.events[1]).toMatchObject({ actorId: staff.userId, data: { verified: true, note: "经核查属实" } });
    expect((await staffClient.post(`/api/rectifications/${id}/close`, {})).status).toBe(400);
    // The loop is done: its bad-review alert leaves the feed
    expect(await server.services.prisma.alert.findFirst({ where: { kind: "BAD_REVIEW", subjectId: id } })).toMatchObject({ resolvedAt: expect.any(Date) });
  });

  it("two people recording the same step at once: one succeeds, the other is refused, one event", async () => {
    const other = (await rate({ level: 2 })).id;
    const [a, b] = await Promise.all([
      staffClient.post(`/api/rectifications/${other}/verify`, { verified: true, note: "属实（窗口）" }),
      supervisor.post(`/api/rectifications/${other}/verify`, { verified: false, note: "不属实（督查）" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect(await server.services.prisma.rectificationEvent.count({ where: { rectificationId: other, step: "verify" } })).toBe(1);
  });

  it("a review not borne out skips rectifying and goes to the callback", async () => {
    const other = (await rate({ level: 2 })).id;
    const res = await supervisor.post<RectificationDto>(`/api/rectifications/${other}/verify`, { verified: false, note: "调阅录像，窗口已按规定一次性告知" });
    expect(res.body).toMatchObject({ state: "CALLBACK", nextStep: "callback", verified: false });
    expect((await supervisor.post(`/api/rectifications/${other}/resolve`, { resolution: "EXPLAIN", note: "解释" })).status).toBe(400);
    const cb = await supervisor.post<RectificationDto>(`/api/rectifications/${other}/callback`, { reached: false, satisfied: null, note: "群众未留电话，无法回访" });
    expect(cb.body.nextStep).toBe("close");
  });

  it("a plan's own deadline is the next step's due", async () => {
    const other = (await rate({ level: 1 })).id;
    await staffClient.post(`/api/rectifications/${other}/verify`, { verified: true, note: "属实" });
    const planDueAt = "2026-12-20T09:00:00.000Z";
    const res = await staffClient.post<RectificationDto>(`/api/rectifications/${other}/resolve`, { resolution: "PLAN", note: "调整窗口排班，增设帮办岗", planDueAt });
    expect(res.body).toMatchObject({ state: "CALLBACK", planDueAt, stepDueAt: planDueAt });
  });
});

describe("overdue", () => {
  it("alerts the supervisors and proposes one accountability record per overdue step, never twice", async () => {
    const { prisma } = server.services;
    const id = (await rate({ level: 1 })).id;
    const row = (await ticket(id))!;
    clock.set(new Date(row.stepDueAt.getTime() + 10 * MINUTE));
    await runDueJobs(server.services);
    const marked = (await ticket(id))!;
    expect(marked.overdueAt).not.toBeNull();
    expect(marked.stepOverdueAt).not.toBeNull();
    const alerts = () => prisma.alert.findMany({ where: { kind: "RECTIFICATION_OVERDUE", subjectId: id } });
    const records = () => prisma.accountabilityRecord.findMany({ where: { rectificationId: id } });
    expect(await alerts()).toHaveLength(1);
    expect(await records()).toEqual([expect.objectContaining({ source: "AUTO_RECTIFICATION_OVERDUE", state: "PROPOSED", kind: "SLOW_ACTION", staffId: staff.staffId, sourceKey: `rectification:${id}:verify:overdue` })]);
    // Later sweeps change nothing
    clock.advance(10 * MINUTE);
    await runDueJobs(server.services);
    await moveClock(new Date(clock.now().getTime() + DAY));
    await runDueJobs(server.services);
    expect(await alerts()).toHaveLength(1);
    expect(await records()).toHaveLength(1);
    const listed = await supervisor.get<Page<RectificationListItemDto>>("/api/rectifications?overdue=1");
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.find((i) => i.id === id)).toMatchObject({ overdue: true, everOverdue: true });

    // The late step done: its alert leaves the feed; the next step is due afresh and may be late on its own
    const verified = await staffClient.post<RectificationDto>(`/api/rectifications/${id}/verify`, { verified: true, note: "属实" });
    expect(verified.body).toMatchObject({ state: "RESOLVE", overdue: false, everOverdue: true });
    expect((await alerts())[0]!.resolvedAt).not.toBeNull();
    await moveClock(new Date(new Date(verified.body.stepDueAt!).getTime() + 10 * MINUTE));
    await runDueJobs(server.services);
    clock.advance(10 * MINUTE);
    await runDueJobs(server.services);
    expect((await records()).map((r) => r.sourceKey).sort()).toEqual([`rectification:${id}:resolve:overdue`, `rectification:${id}:verify:overdue`]);
    expect((await alerts()).filter((a) => a.resolvedAt === null)).toHaveLength(1);
  });
});

describe("purge", () => {
  it("deletes the number once the ticket has been closed for the retention period", async () => {
    const id = (await rate({ level: 1, callbackPhone: PHONE, callbackConsent: true })).id;
    await staffClient.post(`/api/rectifications/${id}/verify`, { verified: false, note: "不属实" });
    await staffClient.post(`/api/rectifications/${id}/callback`, { reached: true, satisfied: false, note: "已说明" });
    const closed = await staffClient.post<RectificationDto>(`/api/rectifications/${id}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const purgeAt = new Date(closed.body.phonePurgeAt!);
    await moveClock(new Date(purgeAt.getTime() - 10 * MINUTE));
    await runDueJobs(server.services);
    expect((await ticket(id))!.citizenPhoneEnc).not.toBeNull();
    await moveClock(new Date(purgeAt.getTime() + 10 * MINUTE));
    await runDueJobs(server.services);
    const row = (await ticket(id))!;
    expect(row.citizenPhoneEnc).toBeNull();
    expect(row.phoneConsentAt).not.toBeNull();
    const detail = await supervisor.get<RectificationDto>(`/api/rectifications/${id}`);
    expect(detail.body).toMatchObject({ citizenPhoneMasked: null, can: { revealPhone: false } });
    expect(detail.body.events.at(-1)!.step).toBe("phone_purged");
    const reveal = await supervisor.get<{ error: { code: string } }>(`/api/rectifications/${id}/phone`);
    expect(reveal).toMatchObject({ status: 404, body: { error: { code: "RECTIFICATION_NO_PHONE" } } });
  });
});

describe("per-locality deadlines", () => {
  it("a center's own step settings apply to the next tickets it opens", async () => {
    const { prisma } = server.services;
    const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    const settings = { ...(center.settings as Record<string, unknown>), rectificationWorkingDays: 15, rectificationVerifyWorkingDays: 3 };
    await prisma.center.update({ where: { id: center.id }, data: { settings } });
    // Monday 10:00 again; the settings are re-read after at most 30 s
    await moveClock(new Date("2027-03-01T02:00:00.000Z"));
    const { id } = await rate({ level: 2 });
    // Three working days on: Thursday 4 March, 17:00 Shanghai
    expect((await ticket(id))!.stepDueAt.toISOString()).toBe("2027-03-04T09:00:00.000Z");
  });
});
