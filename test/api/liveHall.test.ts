// The live hall map over REST: the snapshot's tiles (state, staff, today's figures, warnings, pads),
// who sees which windows (role × scope), and a window's detail with today's timeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hallSnapshotSchema, windowDetailSchema, type HallSnapshot, type WindowTile } from "../../server/src/contracts/liveHall.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { row, signInEveryRole, type Expect } from "../support/roleMatrix.ts";
import { caseFixture, citizen } from "../support/caseFixtures.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let clients: Map<Role, ApiClient>;
let centerId: number;
const pads: TestPad[] = [];

const client = (role: Role) => clients.get(role)!;
const snapshot = async (role: Role, query = ""): Promise<HallSnapshot> => {
  const res = await client(role).get(`/api/live/snapshot${query}`);
  expect(res.status).toBe(200);
  return hallSnapshotSchema.parse(res.body);
};
const tileOf = (snap: HallSnapshot, windowId: number): WindowTile => snap.tiles.find((t) => t.windowId === windowId)!;

beforeAll(async () => {
  server = await startTestServer({ clock });
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  clients = await signInEveryRole(server.url, accounts);
});
afterAll(async () => {
  for (const p of pads) p.close();
  await server?.stop();
});

describe("snapshot", () => {
  it("shows every active window of the center with its zone and departments, numbered from the center's stream", async () => {
    const snap = await snapshot("SUPERVISOR");
    const active = await server.services.prisma.window.count({ where: { centerId, active: true } });
    expect(snap.tiles).toHaveLength(active);
    expect(active).toBe(90);
    expect(snap.stream).toBe(`center:${centerId}`);
    expect(new Set(snap.tiles.map((t) => t.zone)).size).toBeGreaterThan(1);
    for (const t of snap.tiles) expect(t.departments.length).toBeGreaterThan(0);
  });

  it("a signed-in window is idle with its staff member (name, 工号, on-duty photo if any); pausing shows the reason; an empty one at 10:00 is unattended", async () => {
    const { prisma } = server.services;
    const post = await prisma.windowStaff.findFirstOrThrow({ where: { backup: false, window: { centerId, active: true }, staff: { user: { isNot: null } } }, include: { staff: { include: { user: true } }, window: true } });
    await prisma.shift.updateMany({ where: { OR: [{ windowId: post.windowId }, { staffId: post.staffId }], endedAt: null }, data: { endedAt: clock.now() } });
    const staffClient = new ApiClient(server.url);
    await staffClient.login(post.staff.user!.username, accounts.STAFF.password);
    expect((await staffClient.post("/api/shifts/me/sign-in", { windowId: post.windowId })).status).toBe(201);
    let tile = tileOf(await snapshot("SUPERVISOR"), post.windowId);
    expect(tile.state.kind).toBe("IDLE");
    // The on-duty photo only when there is one (the public route would answer 404 for the others)
    const photoUrl = post.staff.photoPath ? `/api/public/staff/${post.staffId}/photo?size=64` : null;
    expect(tile.staff).toEqual({ id: post.staffId, name: post.staff.name, staffNo: post.staff.staffNo, photoUrl });
    expect((await staffClient.post("/api/shifts/me/pause", { reason: "MEETING", note: "周例会" })).status).toBe(200);
    tile = tileOf(await snapshot("SUPERVISOR"), post.windowId);
    expect(tile.state).toMatchObject({ kind: "PAUSED", reason: "MEETING", note: "周例会" });
    expect((await staffClient.post("/api/shifts/me/sign-out")).status).toBe(200);
    tile = tileOf(await snapshot("SUPERVISOR"), post.windowId);
    expect(tile.staff).toBeNull();
    expect(tile.state).toEqual({ kind: "UNATTENDED", since: clock.now().toISOString() });
  });

  it("counts today's ratings (good = levels 3–5, bad = 1–2), the last rating and the pad online, then offline", async () => {
    const { prisma } = server.services;
    const window = await prisma.window.findFirstOrThrow({ where: { centerId, active: true }, orderBy: { number: "desc" } });
    const before = tileOf(await snapshot("SUPERVISOR"), window.id);
    const pad = await connectPad(server, window.id);
    pads.push(pad);
    for (const level of [5, 4, 3, 1]) {
      clock.advance(60_000);
      const ack = await pad.submit({ id: crypto.randomUUID(), level, ratedAt: clock.now().toISOString(), ...(level <= 2 ? { reasons: [`L${level}-01`] } : {}) });
      expect(ack).toMatchObject({ ok: true });
    }
    const after = tileOf(await snapshot("SUPERVISOR"), window.id);
    expect(after.today.ratings - before.today.ratings).toBe(4);
    expect(after.today.satisfied - before.today.satisfied).toBe(3);
    expect(after.today.bad - before.today.bad).toBe(1);
    expect(after.lastRating).toEqual({ level: 1, ratedAt: clock.now().toISOString() });
    expect(after.pads.online).toBeGreaterThanOrEqual(1);
    expect(after.pads.paired).toBeGreaterThanOrEqual(1);

    // The pad goes away: still paired, no longer online (the tile shows it offline)
    pad.close();
    await expect.poll(async () => tileOf(await snapshot("SUPERVISOR"), window.id).pads, { timeout: 5_000, interval: 50 }).toEqual({ paired: after.pads.paired, online: after.pads.online - 1 });
  });

  it("counts open warnings: near-deadline (yellow) and overdue (red) cases and open inquiries", async () => {
    const { prisma } = server.services;
    const snap = await snapshot("SUPERVISOR");
    const [yellow, red, inquiries] = await Promise.all([
      prisma.case.count({ where: { centerId, warning: "YELLOW", state: { in: ["ACCEPTED", "IN_PROGRESS"] } } }),
      prisma.case.count({ where: { centerId, warning: "RED", state: { in: ["ACCEPTED", "IN_PROGRESS"] } } }),
      prisma.inquiry.count({ where: { centerId, state: { in: ["OPEN", "HANDED_OVER"] }, window: { active: true } } }),
    ]);
    const sum = (f: (t: WindowTile) => number) => snap.tiles.reduce((n, t) => n + f(t), 0);
    expect(sum((t) => t.warnings.casesNearDeadline)).toBe(yellow);
    expect(sum((t) => t.warnings.casesOverdue)).toBe(red);
    expect(sum((t) => t.warnings.openInquiries)).toBe(inquiries);
  });
});

describe("who sees the map", () => {
  // ADMIN SECURITY_ADMIN LEADER SUPERVISOR STAFF LIAISON AUDITOR CITY_LEADER CITY_AUDITOR
  const expected: Expect = row(200, 403, 200, 200, 403, 200, 403, 200, 403);
  it.each(Object.entries(expected) as [Role, number][])("%s → %i", async (role, status) => {
    expect((await client(role).get("/api/live/snapshot")).status).toBe(status);
    const window = await server.services.prisma.window.findFirstOrThrow({ where: { centerId, departments: { some: { departmentId: accounts.LIAISON.departmentId! } } } });
    expect((await client(role).get(`/api/live/windows/${window.id}`)).status).toBe(status);
  });

  it("a liaison sees exactly the windows serving their department, numbered on their department's stream", async () => {
    const departmentId = accounts.LIAISON.departmentId!;
    const snap = await snapshot("LIAISON");
    const own = await server.services.prisma.window.findMany({ where: { centerId, active: true, departments: { some: { departmentId } } }, select: { id: true } });
    expect(snap.stream).toBe(`department:${departmentId}`);
    expect(snap.tiles.map((t) => t.windowId).sort()).toEqual(own.map((w) => w.id).sort());
    expect(snap.tiles.length).toBeLessThan(90);
    const other = await server.services.prisma.window.findFirstOrThrow({ where: { centerId, departments: { none: { departmentId } } } });
    expect((await client("LIAISON").get(`/api/live/windows/${other.id}`)).status).toBe(404);
  });

  it("center roles cannot ask for another center; a city leader picks one; a bad center id is refused", async () => {
    expect((await client("SUPERVISOR").get(`/api/live/snapshot?centerId=${centerId + 1}`)).status).toBe(403);
    expect((await snapshot("CITY_LEADER", `?centerId=${centerId}`)).centerId).toBe(centerId);
    expect((await client("CITY_LEADER").get("/api/live/snapshot?centerId=999")).status).toBe(404);
    const bad = await client("CITY_LEADER").get<{ error: { code: string } }>("/api/live/snapshot?centerId=abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect((await client("SUPERVISOR").get("/api/live/windows/0")).status).toBe(400);
    expect((await client("SUPERVISOR").get("/api/live/windows/999999")).status).toBe(404);
    expect((await new ApiClient(server.url).get("/api/live/snapshot")).status).toBe(401);
  });
});

describe("window detail", () => {
  it("lists today's sign-in, pause, resume, sign-out and ratings in order, and this week's figures", async () => {
    const { prisma } = server.services;
    const post = await prisma.windowStaff.findFirstOrThrow({ where: { backup: false, window: { centerId, active: true }, staff: { user: { isNot: null } } }, orderBy: { windowId: "desc" }, include: { staff: { include: { user: true } } } });
    await prisma.shift.updateMany({ where: { OR: [{ windowId: post.windowId }, { staffId: post.staffId }], endedAt: null }, data: { endedAt: clock.now() } });
    const staffClient = new ApiClient(server.url);
    await staffClient.login(post.staff.user!.username, accounts.STAFF.password);
    clock.advance(60_000);
    await staffClient.post("/api/shifts/me/sign-in", { windowId: post.windowId });
    clock.advance(60_000);
    await staffClient.post("/api/shifts/me/pause", { reason: "BREAK" });
    clock.advance(5 * 60_000);
    await staffClient.post("/api/shifts/me/resume");
    clock.advance(60_000);
    const res = await client("LEADER").get(`/api/live/windows/${post.windowId}`);
    expect(res.status).toBe(200);
    const detail = windowDetailSchema.parse(res.body);
    const kinds = detail.timeline.filter((e) => e.staffName === post.staff.name).map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(["SIGN_IN", "PAUSE", "RESUME"]);
    expect(detail.timeline.find((e) => e.kind === "PAUSE" && e.staffName === post.staff.name)?.pauseReason).toBe("BREAK");
    expect([...detail.timeline].map((e) => e.at)).toEqual([...detail.timeline].map((e) => e.at).sort());
    expect(detail.week.from).toBe("2026-11-30");
    expect(detail.week.pausedMinutes).toBeGreaterThanOrEqual(5);
    expect(detail.tile.state.kind).toBe("IDLE");
  });

  it("shows a case accepted at the window and an inspection recorded there (read from the inspection tables), and its case warnings on the tile", async () => {
    const { prisma } = server.services;
    const staffAccount = accounts.STAFF;
    const fixture = await caseFixture(server, staffAccount.staffId!);
    const staffClient = new ApiClient(server.url);
    await staffClient.login(staffAccount.username, staffAccount.password);
    clock.advance(60_000);
    const accepted = await staffClient.post<{ caseNo: string }>("/api/cases", { windowId: fixture.windowId, itemId: fixture.itemId, ...citizen(7) });
    expect(accepted.status).toBe(201);
    clock.advance(60_000);
    await prisma.inspection.create({
      data: {
        clientId: crypto.randomUUID(),
        centerId,
        windowId: fixture.windowId,
        staffId: staffAccount.staffId,
        inspectorId: accounts.SUPERVISOR.userId,
        at: clock.now(),
        totalDeduction: 2,
        findings: { create: [{ checkCode: "APPEARANCE", passed: true, deduction: 0 }, { checkCode: "ON_POST", passed: false, deduction: 2 }] },
      },
    });
    const detail = windowDetailSchema.parse((await client("SUPERVISOR").get(`/api/live/windows/${fixture.windowId}`)).body);
    const caseEntry = detail.timeline.find((e) => e.kind === "CASE_ACCEPTED" && e.subject.startsWith(accepted.body.caseNo));
    expect(caseEntry).toBeDefined();
    const inspection = detail.timeline.find((e) => e.kind === "INSPECTION");
    expect(inspection).toMatchObject({ negative: true, subject: "−2 (1/2)" });
    expect(detail.week).toMatchObject({ inspections: 1, inspectionDeductions: 2 });
    expect(detail.tile.today.casesAccepted).toBeGreaterThanOrEqual(1);

    await prisma.case.updateMany({ where: { caseNo: accepted.body.caseNo }, data: { warning: "RED" } });
    const tile = tileOf(await snapshot("SUPERVISOR"), fixture.windowId);
    expect(tile.warnings.casesOverdue).toBeGreaterThanOrEqual(1);
  });

  it("gives the queue system's waiting and service times per window, per staff member and per item, today and this week", async () => {
    const { prisma } = server.services;
    const admin = client("ADMIN");
    const key = (await admin.post<{ key: string }>("/api/queue/keys", { name: "叫号" })).body.key;
    const post = await prisma.windowStaff.findFirstOrThrow({
      where: { backup: false, window: { centerId, active: true, items: { some: {} } } },
      orderBy: { windowId: "desc" },
      include: { staff: true, window: { include: { items: { include: { item: true } } } } },
    });
    const item = post.window.items[0]!.item;
    // Nobody signed in: a report that names no staff member stays without one
    await prisma.shift.updateMany({ where: { windowId: post.windowId, endedAt: null }, data: { endedAt: clock.now() } });
    const report = async (path: string, body: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/api/queue/v1/tickets/${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBe(201);
    };
    // Two tickets at the window: waited 2 and 4 minutes, served 3 and 5 minutes, one with its staff and item named
    for (const [no, wait, service, named] of [["Q1", 2, 3, true], ["Q2", 4, 5, false]] as const) {
      const issuedAt = clock.now();
      const calledAt = new Date(issuedAt.getTime() + wait * 60_000);
      const finishedAt = new Date(calledAt.getTime() + service * 60_000);
      clock.set(finishedAt.toISOString()); // the reports arrive after the fact
      const who = named ? { staffNo: post.staff.staffNo, itemCode: item.code } : {};
      const ticket = { ticketNo: no, issuedAt: issuedAt.toISOString(), window: post.window.number, ...who };
      await report("called", { ...ticket, eventId: `${no}-c`, at: calledAt.toISOString() });
      await report("started", { ...ticket, eventId: `${no}-s`, at: calledAt.toISOString() });
      await report("finished", { ...ticket, eventId: `${no}-f`, at: finishedAt.toISOString(), invite: false });
    }
    const supervisor = new ApiClient(server.url);
    await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    const detail = windowDetailSchema.parse((await supervisor.get(`/api/live/windows/${post.windowId}`)).body);
    expect(detail.tile.today).toMatchObject({ served: 2, avgWaitSeconds: 180, avgServiceSeconds: 240 });
    const staffRow = detail.queueTimes.today.byStaff.find((r) => r.id === post.staffId);
    expect(staffRow).toMatchObject({ name: post.staff.name, served: 1, avgWaitSeconds: 120, avgServiceSeconds: 180 });
    expect(detail.queueTimes.today.byItem.find((r) => r.id === item.id)).toMatchObject({ name: item.name, served: 1, avgWaitSeconds: 120, avgServiceSeconds: 180 });
    expect(detail.queueTimes.today.byStaff.at(-1)).toMatchObject({ id: null, served: 1, avgWaitSeconds: 240, avgServiceSeconds: 300 });
    expect(detail.queueTimes.week.byItem.reduce((n, r) => n + r.served, 0)).toBe(detail.week.served);
  });
});
