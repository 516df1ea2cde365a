// Ratings by phone over real HTTP on a real server and database (#6): a completed case's SMS carries a
// one-time link (only its hash stored, hidden in the supervisors' outbox); the link rates through the
// pad's pipeline with channel SMS; a reused, expired or unknown link is refused with nothing written;
// two submits racing store one rating; a case rated on the pad refuses its link, and a link rating
// closes the case's invitation still open on the pad.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDto } from "../../server/src/contracts/cases.ts";
import type { Page } from "../../server/src/contracts/common.ts";
import type { OutboxDto } from "../../server/src/contracts/notifications.ts";
import type { RatingLinkContextDto } from "../../server/src/contracts/ratingLinks.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { dispatchNotifications, HIDDEN_SECRET } from "../../server/src/domain/notifications/outbox.ts";
import { RATING_LINK_LIMIT } from "../../server/src/domain/ratingLinks/linkLimiter.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { sha256 } from "../../server/src/lib/tokens.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

// Monday 2026-11-23 10:00 in Shanghai
const clock = new ManualClock("2026-11-23T02:00:00Z");
const BASE = "https://zwfw.example.gov.cn/hall";
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let fx: CaseFixture;
let staff: ApiClient;
let citizenPhone: ApiClient;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { PUBLIC_BASE_URL: `${BASE}/` } });
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  accounts = await demoAccounts(server, center.id);
  fx = await caseFixture(server, accounts.STAFF.staffId!);
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  citizenPhone = new ApiClient(server.url);
  await dispatchNotifications(server.services); // whatever the demo left pending goes out first
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const errorOf = (res: { status: number; body: unknown }) => [res.status, (res.body as { error?: { code: string } }).error?.code];

/** Accepts and completes a case, sends the outbox, and returns the case and the SMS text its citizen got. */
async function completedCase(): Promise<{ c: CaseDto; sms: string; token: string }> {
  n++;
  const person = citizen(100 + n);
  const accepted = await staff.post<CaseDto>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...person });
  expect(accepted.status).toBe(201);
  const done = await staff.post<CaseDto>(`/api/cases/${accepted.body.id}/actions`, { action: "complete" });
  expect(done.status).toBe(200);
  const sent: { to: string; text: string }[] = [];
  await dispatchNotifications(server.services, { send: async (m) => void sent.push(m) });
  const sms = sent.find((m) => m.to === person.citizenPhone && m.text.includes("已办结"));
  expect(sms, "the completion SMS went out").toBeDefined();
  const token = /\/kiosk\/r#([A-Za-z0-9_-]{24})$/.exec(sms!.text)?.[1];
  expect(token, sms!.text).toBeDefined();
  return { c: done.body, sms: sms!.text, token: token! };
}

const lookup = (token: string) => citizenPhone.post<RatingLinkContextDto>("/api/rating-links/lookup", { token });
const rate = (token: string, body: Record<string, unknown> = {}) => citizenPhone.post("/api/rating-links/rate", { token, level: 4, reasons: ["L4-01"], comment: "办得很快", ...body });

describe("the completion SMS and its link", () => {
  it("carries the one-time link on the public base URL, stores only its hash, and hides it from the supervisors' outbox", async () => {
    const { c, sms, token } = await completedCase();
    expect(sms).toBe(`您的办件（编号${c.caseNo}）已办结，欢迎在7天内点击链接评价本次服务：${BASE}/kiosk/r#${token}`);
    const { prisma } = server.services;
    const link = await prisma.ratingLink.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(link.tokenHash).toBe(sha256(token));
    expect(link.expiresAt.getTime() - clock.now().getTime()).toBe(7 * 24 * 3600_000);
    const note = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: { startsWith: `case:${c.id}:complete` } } });
    expect(JSON.stringify(note.payload)).not.toContain(token);
    const supervisor = new ApiClient(server.url);
    await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    const outbox = await supervisor.get<Page<OutboxDto>>("/api/notifications?pageSize=500");
    const shown = outbox.body.items.find((m) => m.id === note.id)!;
    expect(shown.text).toContain(HIDDEN_SECRET);
    expect(shown.text).not.toContain(token);
  });
});

describe("rating through the link", () => {
  it("shows the service, stores the rating through the pipeline (channel SMS, bound to the case) and refuses the link afterwards", async () => {
    const { c, token } = await completedCase();
    const context = await lookup(token);
    expect(context.status).toBe(200);
    expect(context.body.caseNoMasked).toBe(`${c.caseNo.slice(0, 4)}*****${c.caseNo.slice(-4)}`);
    expect(context.body.windowNumber).toBe(c.windowNumber);
    expect(context.body.itemName).toBe(c.itemName);

    const res = await rate(token);
    expect(res.status).toBe(200);
    const { prisma } = server.services;
    const stored = await prisma.evaluation.findMany({ where: { caseId: c.id } });
    expect(stored).toHaveLength(1);
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored[0]).toMatchObject({ channel: "SMS", bound: true, defaulted: false, level: 4, reasons: ["L4-01"], comment: "办得很快", windowId: kase.windowId, staffId: kase.handledById, itemId: kase.itemId, deviceId: null });
    expect(stored[0]!.ratedAt.getTime()).toBe(clock.now().getTime());

    expect(errorOf(await rate(token, { level: 1, reasons: [] }))).toEqual([400, "LINK_USED"]);
    expect(errorOf(await lookup(token))).toEqual([400, "LINK_USED"]);
    expect(await prisma.evaluation.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("closes the case's invitation still open on the window's pad, so the pad cannot rate it a second time", async () => {
    const { c, token } = await completedCase();
    const { prisma } = server.services;
    const open = await prisma.invitation.findFirstOrThrow({ where: { caseId: c.id, source: "CASE_COMPLETE" } });
    expect(open.cancelledAt).toBeNull();
    expect((await rate(token)).status).toBe(200);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: open.id } })).cancelledAt).not.toBeNull();
  });

  it("refuses an unknown token (404) and a malformed one (400), writing nothing", async () => {
    const before = await server.services.prisma.evaluation.count();
    expect(errorOf(await lookup("A".repeat(24)))).toEqual([404, "LINK_NOT_FOUND"]);
    expect(errorOf(await rate("A".repeat(24)))).toEqual([404, "LINK_NOT_FOUND"]);
    expect(errorOf(await rate("too-short"))).toEqual([400, "VALIDATION_FAILED"]);
    expect(errorOf(await citizenPhone.post("/api/rating-links/rate", { token: "A".repeat(24), level: 4, extra: 1 }))).toEqual([400, "VALIDATION_FAILED"]);
    expect(await server.services.prisma.evaluation.count()).toBe(before);
  });

  it("refuses a reason of another level and a level outside 1–5, writing nothing", async () => {
    const { c, token } = await completedCase();
    expect(errorOf(await rate(token, { level: 2, reasons: ["L4-01"] }))).toEqual([400, "VALIDATION_FAILED"]);
    expect(errorOf(await rate(token, { level: 6, reasons: [] }))).toEqual([400, "VALIDATION_FAILED"]);
    expect(await server.services.prisma.evaluation.count({ where: { caseId: c.id } })).toBe(0);
    expect((await rate(token, { level: 5, reasons: ["L5-01", "L5-07"] })).status).toBe(200);
  });

  it("refuses an expired link (LINK_EXPIRED) and stores nothing", async () => {
    const { c, token } = await completedCase();
    const link = await server.services.prisma.ratingLink.findUniqueOrThrow({ where: { caseId: c.id } });
    const back = clock.now();
    clock.set(new Date(link.expiresAt.getTime() - 1));
    expect((await lookup(token)).status).toBe(200);
    clock.set(link.expiresAt);
    expect(errorOf(await lookup(token))).toEqual([400, "LINK_EXPIRED"]);
    expect(errorOf(await rate(token))).toEqual([400, "LINK_EXPIRED"]);
    expect(await server.services.prisma.evaluation.count({ where: { caseId: c.id } })).toBe(0);
    clock.set(back);
    await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  });

  it("stores one rating when two submits of the link race; the other is told LINK_USED", async () => {
    const { c, token } = await completedCase();
    const results = await Promise.all([rate(token, { level: 5, reasons: [] }), rate(token, { level: 1, reasons: [] }), rate(token, { level: 3, reasons: [] })]);
    const statuses = results.map((r) => errorOf(r)[0]).sort();
    expect(statuses).toEqual([200, 400, 400]);
    expect(results.filter((r) => r.status === 400).map((r) => errorOf(r)[1])).toEqual(["LINK_USED", "LINK_USED"]);
    const stored = await server.services.prisma.evaluation.findMany({ where: { caseId: c.id } });
    expect(stored).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 200);
    expect(stored[0]!.level).toBe([5, 1, 3][winner]);
  });

  it("refuses the link of a case already rated on the pad (一事一评: ALREADY_RATED)", async () => {
    const { c, token } = await completedCase();
    const invitation = await server.services.prisma.invitation.findFirstOrThrow({ where: { caseId: c.id, source: "CASE_COMPLETE" } });
    const pad = await connectPad(server, fx.windowId);
    try {
      const ack = await pad.submit({ id: randomUUID(), invitationId: invitation.id, level: 5, ratedAt: clock.now().toISOString() });
      expect(ack).toMatchObject({ ok: true });
    } finally {
      pad.close();
    }
    expect(errorOf(await lookup(token))).toEqual([400, "ALREADY_RATED"]);
    expect(errorOf(await rate(token))).toEqual([400, "ALREADY_RATED"]);
    expect(await server.services.prisma.evaluation.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("opens no link when links are off (ratingLinkDays = 0): the plain completion SMS goes out", async () => {
    const { prisma } = server.services;
    const center = await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    const settings = center.settings as Record<string, unknown>;
    await prisma.center.update({ where: { id: center.id }, data: { settings: { ...settings, ratingLinkDays: 0 } } });
    try {
      n++;
      const person = citizen(100 + n);
      const accepted = await staff.post<CaseDto>("/api/cases", { windowId: fx.windowId, itemId: fx.itemId, ...person });
      await staff.post(`/api/cases/${accepted.body.id}/actions`, { action: "complete" });
      const sent: { to: string; text: string }[] = [];
      await dispatchNotifications(server.services, { send: async (m) => void sent.push(m) });
      expect(sent.find((m) => m.to === person.citizenPhone && m.text.includes("已办结"))?.text).toBe(`您的办件（编号${accepted.body.caseNo}）已办结，欢迎对本次服务进行评价。`);
      expect(await prisma.ratingLink.count({ where: { caseId: accepted.body.id } })).toBe(0);
    } finally {
      await prisma.center.update({ where: { id: center.id }, data: { settings: settings as object } });
    }
  });

  it("limits one address's requests (429) like the public lookup", async () => {
    // Past every window the earlier tests opened (the expiry test moved the clock a week ahead)
    clock.advance(30 * 24 * 3600_000);
    let last = 0;
    for (let i = 0; i <= RATING_LINK_LIMIT.perIp.limit; i++) last = (await lookup("B".repeat(24))).status;
    expect(last).toBe(429);
    clock.advance(RATING_LINK_LIMIT.perIp.windowMs);
    expect((await lookup("B".repeat(24))).status).toBe(404);
  });
});
