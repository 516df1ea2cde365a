// Protocol v1 over a real Socket.IO server and real socket.io-client pads: ack after commit, dedupe by
// id across pads, invitation rules, walk-up spacing, staff cannot rate, revocation, bad payloads.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvitationMessage, WindowUpdated } from "../../server/src/contracts/kiosk.ts";
import { INDICATOR_VERSION } from "../../server/src/contracts/kiosk.ts";
import { createInvitation } from "../../server/src/domain/evaluations/createInvitation.ts";
import { revokeDevice } from "../../server/src/domain/devices/manageDevices.ts";
import { signIn, signOut } from "../../server/src/domain/shifts/manageShifts.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { connectPad, openPad, padToken, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let windowA: number;
let windowB: number;
let staffA: { id: number; name: string };
const pads: TestPad[] = [];
const system = { userId: null, role: "SYSTEM", centerId: null };

const rating = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), level: 5, ratedAt: clock.now().toISOString(), ...over });
const count = () => server.services.prisma.evaluation.count();
const pad = async (windowId: number, opts: { cookie?: string } = {}) => {
  const p = await connectPad(server, windowId, opts);
  pads.push(p);
  return p;
};

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { prisma } = server.services;
  const windows = await prisma.window.findMany({ orderBy: { number: "asc" }, take: 2 });
  windowA = windows[0]!.id;
  windowB = windows[1]!.id;
  const staff = await prisma.staff.findFirstOrThrow({ where: { centerId: windows[0]!.centerId } });
  staffA = { id: staff.id, name: staff.name };
  await prisma.shift.create({ data: { centerId: staff.centerId, windowId: windowA, staffId: staff.id, startedAt: new Date(clock.now().getTime() - 3600_000) } });
});
afterAll(async () => {
  for (const p of pads) p.close();
  await server?.stop();
});

describe("connect", () => {
  it("sends window.updated with the staff member on duty", async () => {
    const { token } = await padToken(server, windowA);
    const socket = openPad(server.url, token);
    const view = await new Promise<WindowUpdated>((resolve) => socket.once("window.updated", resolve));
    socket.close();
    expect(view).toMatchObject({ windowId: windowA, state: "OPEN", staff: { id: staffA.id, name: staffA.name } });
    expect(view.departments.length).toBeGreaterThan(0);
  });
});

describe("window.updated on change", () => {
  it("tells the window's pads when a shift ends, so the idle screen shows nobody on duty", async () => {
    const { prisma } = server.services;
    const other = (await prisma.window.findMany({ orderBy: { number: "asc" }, skip: 2, take: 1 }))[0]!;
    const p = await pad(other.id);
    const seen: WindowUpdated[] = [];
    p.socket.on("window.updated", (v: WindowUpdated) => seen.push(v));
    const until = async (pred: (v: WindowUpdated) => boolean) => {
      for (let i = 0; i < 200 && !seen.some(pred); i++) await new Promise((r) => setTimeout(r, 10));
      return seen.find(pred);
    };
    const shift = await prisma.shift.create({ data: { centerId: other.centerId, windowId: other.id, staffId: staffA.id, startedAt: new Date(clock.now().getTime() - 1000) } });
    server.services.events.emit("shift.started", { centerId: other.centerId, windowId: other.id, staffId: staffA.id, shiftId: shift.id, departmentIds: [], at: clock.now().toISOString(), staff: { name: staffA.name, staffNo: "", hasPhoto: false } });
    expect(await until((v) => v.state === "OPEN")).toMatchObject({ state: "OPEN", staff: { id: staffA.id } });
    await prisma.shift.update({ where: { id: shift.id }, data: { endedAt: clock.now() } });
    seen.length = 0;
    server.services.events.emit("shift.ended", { centerId: other.centerId, windowId: other.id, staffId: staffA.id, shiftId: shift.id, departmentIds: [], at: clock.now().toISOString() });
    expect(await until((v) => v.state === "CLOSED")).toMatchObject({ state: "CLOSED", staff: null });
  });
});

describe("evaluation.submit", () => {
  it("acks only after the rating is committed, with the window, staff on duty, device and channel", async () => {
    const p = await pad(windowA);
    const r = rating({ level: 4, reasons: ["L4-01", "L4-07"], comment: "  办得快  " });
    const ack = await p.submit(r);
    expect(ack).toEqual({ ok: true, id: r.id, duplicate: false });
    const row = await server.services.prisma.evaluation.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ windowId: windowA, staffId: staffA.id, deviceId: p.deviceId, channel: "HALL_PAD", level: 4, bound: false, comment: "办得快", indicatorVersion: INDICATOR_VERSION, reasons: ["L4-01", "L4-07"] });
    expect(row.receivedAt.toISOString()).toBe(clock.now().toISOString());
  });

  it("answers a resubmitted id from any pad duplicate:true whatever its payload, and stores it once", async () => {
    const p1 = await pad(windowA);
    const p2 = await pad(windowB);
    const r = rating();
    const before = await count();
    expect(await p1.submit(r)).toEqual({ ok: true, id: r.id, duplicate: false });
    expect(await p2.submit({ ...r, level: 1 })).toEqual({ ok: true, id: r.id, duplicate: true });
    expect(await p2.submit({ id: r.id, level: "nonsense" })).toEqual({ ok: true, id: r.id, duplicate: true });
    // Both at once, before either is committed
    clock.advance(60_000);
    const s = rating();
    const [a, b] = await Promise.all([p1.submit(s), p2.submit(s)]);
    expect([a, b].filter((x) => x.ok && x.duplicate).length).toBe(1);
    expect([a, b].every((x) => x.ok)).toBe(true);
    expect(await count()).toBe(before + 2);
    const stored = await server.services.prisma.evaluation.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored.level).toBe(5);
  });

  it("rejects every bad payload with a clear code, writes nothing and stays up", async () => {
    const p = await pad(windowB);
    const before = await count();
    const bad: unknown[] = [
      "5",
      42,
      null,
      [rating()],
      rating({ level: 0 }),
      rating({ level: 6 }),
      rating({ level: "5" }),
      rating({ level: 2.5 }),
      rating({ id: "not-a-uuid" }),
      rating({ id: 7 }),
      rating({ reasons: ["NOPE"] }),
      rating({ level: 5, reasons: ["L1-01"] }),
      rating({ reasons: "L5-01" }),
      rating({ comment: "x".repeat(20_000) }),
      rating({ comment: "评".repeat(501) }),
      rating({ ratedAt: "yesterday" }),
      rating({ ratedAt: 12345 }),
      rating({ extra: true }),
      rating({ invitationId: "abc" }),
      { level: 5 },
    ];
    for (const payload of bad) {
      const ack = await p.submit(payload);
      expect(ack, JSON.stringify(payload).slice(0, 80)).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD", retryable: false } });
      if (!ack.ok) expect(ack.error.message.length).toBeGreaterThan(0);
    }
    expect(await count()).toBe(before);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("closes the connection on a message over the transport limit, and the server stays up", async () => {
    const p = await pad(windowB);
    const closed = new Promise<string>((resolve) => p.socket.once("disconnect", (reason) => resolve(reason)));
    p.socket.emit("evaluation.submit", rating({ comment: "x".repeat(70 * 1024) }), () => undefined);
    expect(await closed).toMatch(/transport/);
    const again = await pad(windowB);
    clock.advance(60_000);
    expect((await again.submit(rating())).ok).toBe(true);
  });

  it("answers a flood with acks (rate-limited ones retryable), nothing half-written", async () => {
    const p = await pad(windowB);
    clock.advance(60_000);
    const before = await count();
    const acks = await Promise.all(Array.from({ length: 400 }, () => p.submit(rating())));
    expect(acks).toHaveLength(400);
    const stored = acks.filter((a) => a.ok).length;
    const codes = new Set(acks.flatMap((a) => (a.ok ? [] : [a.error.code])));
    expect([...codes].every((c) => c === "RATE_LIMITED" || c === "WALKUP_TOO_SOON")).toBe(true);
    expect(acks.some((a) => !a.ok && a.error.code === "RATE_LIMITED" && a.error.retryable)).toBe(true);
    expect(await count()).toBe(before + stored);
  });
});

describe("the staff member a rating records", () => {
  it("follows sign-in and sign-out at once, and a late rating made before a change gets the staff of its own instant", async () => {
    const { prisma } = server.services;
    const assignment = await prisma.windowStaff.findFirstOrThrow({ where: { backup: false, windowId: { notIn: [windowA, windowB] } }, orderBy: { windowId: "asc" } });
    const windowC = assignment.windowId;
    await prisma.shift.updateMany({ where: { OR: [{ windowId: windowC }, { staffId: assignment.staffId }], endedAt: null }, data: { endedAt: clock.now() } });
    const staffOf = async (r: { id: string }) => (await prisma.evaluation.findUniqueOrThrow({ where: { id: r.id } })).staffId;
    // A pad per rating: walk-ups from one pad must be spaced, and these are seconds apart (within what
    // the server remembers about who is on duty, so only the shift events can make it forget)
    const rate = async (over: Record<string, unknown> = {}) => {
      const r = rating(over);
      expect(await (await pad(windowC)).submit(r)).toMatchObject({ ok: true, duplicate: false });
      return staffOf(r);
    };

    clock.advance(1000);
    expect(await rate()).toBeNull();
    clock.advance(1000);
    const beforeSignIn = clock.now().toISOString();
    clock.advance(1000);
    await signIn(server.services, { auditActor: system, staffId: assignment.staffId, windowId: windowC });
    clock.advance(1000);
    expect(await rate()).toBe(assignment.staffId);
    // made on the pad before the sign-in, arriving now (the pad was offline)
    expect(await rate({ ratedAt: beforeSignIn })).toBeNull();
    clock.advance(1000);
    const whileSignedIn = clock.now().toISOString();
    clock.advance(1000);
    await signOut(server.services, { auditActor: system, staffId: assignment.staffId });
    clock.advance(1000);
    expect(await rate()).toBeNull();
    expect(await rate({ ratedAt: whileSignedIn })).toBe(assignment.staffId);
  });
});

describe("invitations", () => {
  it("binds a rating to its invitation once (一次一评), and refuses a second", async () => {
    const p = await pad(windowA);
    const heard = p.next<InvitationMessage>("invitation.created");
    const inv = await createInvitation(server.services, { centerId: 1, windowId: windowA, staffId: staffA.id, source: "STAFF_BUTTON", auditActor: system });
    expect((await heard).invitationId).toBe(inv.id);
    const first = rating({ invitationId: inv.id, level: 3 });
    expect(await p.submit(first)).toEqual({ ok: true, id: first.id, duplicate: false });
    const row = await server.services.prisma.evaluation.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ bound: true, invitationId: inv.id });
    expect(await p.submit(rating({ invitationId: inv.id }))).toMatchObject({ ok: false, error: { code: "ALREADY_RATED", retryable: false } });
    // The same rating again (its ack was lost): a duplicate, not a second rating of the invitation
    expect(await p.submit(first)).toEqual({ ok: true, id: first.id, duplicate: true });
    // Two different ids for one invitation at the same moment: exactly one is stored
    const inv2 = await createInvitation(server.services, { centerId: 1, windowId: windowA, staffId: staffA.id, source: "STAFF_BUTTON", auditActor: system });
    const acks = await Promise.all([p.submit(rating({ invitationId: inv2.id })), p.submit(rating({ invitationId: inv2.id }))]);
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(await server.services.prisma.evaluation.count({ where: { invitationId: inv2.id } })).toBe(1);
  });

  it("refuses an expired, a cancelled, and another window's invitation; accepts a late arrival rated in time", async () => {
    const p = await pad(windowA);
    const { services } = server;
    const foreign = await createInvitation(services, { centerId: 1, windowId: windowB, staffId: null, source: "STAFF_BUTTON", auditActor: system });
    expect(await p.submit(rating({ invitationId: foreign.id }))).toMatchObject({ ok: false, error: { code: "INVITATION_NOT_FOUND" } });
    expect(await p.submit(rating({ invitationId: randomUUID() }))).toMatchObject({ ok: false, error: { code: "INVITATION_NOT_FOUND" } });

    const old = await createInvitation(services, { centerId: 1, windowId: windowA, staffId: staffA.id, source: "STAFF_BUTTON", auditActor: system });
    const cancelled = p.next<{ invitationId: string }>("invitation.cancelled");
    clock.advance(10_000);
    await createInvitation(services, { centerId: 1, windowId: windowA, staffId: staffA.id, source: "STAFF_BUTTON", auditActor: system });
    expect((await cancelled).invitationId).toBe(old.id);
    expect(await p.submit(rating({ invitationId: old.id }))).toMatchObject({ ok: false, error: { code: "INVITATION_CANCELLED" } });

    const inv = await createInvitation(services, { centerId: 1, windowId: windowA, staffId: staffA.id, source: "STAFF_BUTTON", auditActor: system });
    const ratedInTime = new Date(clock.now().getTime() + 30_000).toISOString();
    clock.advance(6 * 60_000); // arrives after expiry, made in time on a pad that was offline
    const late = rating({ invitationId: inv.id, ratedAt: ratedInTime });
    expect(await p.submit(late)).toEqual({ ok: true, id: late.id, duplicate: false });

    const inv2 = await createInvitation(services, { centerId: 1, windowId: windowA, staffId: staffA.id, source: "STAFF_BUTTON", auditActor: system });
    clock.advance(6 * 60_000);
    expect(await p.submit(rating({ invitationId: inv2.id }))).toMatchObject({ ok: false, error: { code: "INVITATION_EXPIRED", retryable: false } });
  });

  it("sends the open invitation to a pad that connects (after a reload)", async () => {
    clock.advance(60_000);
    const inv = await createInvitation(server.services, { centerId: 1, windowId: windowB, staffId: null, source: "STAFF_BUTTON", auditActor: system });
    const { token } = await padToken(server, windowB);
    const socket = openPad(server.url, token);
    const msg = await new Promise<InvitationMessage>((resolve) => socket.once("invitation.created", resolve));
    socket.close();
    expect(msg.invitationId).toBe(inv.id);
  });
});

describe("walk-ups", () => {
  it("are spaced WALKUP_MIN_INTERVAL_S apart per pad, judged on ratedAt", async () => {
    const p = await pad(windowB);
    clock.advance(120_000);
    const first = rating();
    expect((await p.submit(first)).ok).toBe(true);
    clock.advance(10_000);
    expect(await p.submit(rating())).toMatchObject({ ok: false, error: { code: "WALKUP_TOO_SOON", retryable: false } });
    // Resent within the spacing (its ack was lost): a duplicate, not a walk-up too soon
    expect(await p.submit(first)).toEqual({ ok: true, id: first.id, duplicate: true });
    const other = await pad(windowB); // another pad is judged on its own
    expect((await other.submit(rating())).ok).toBe(true);
    clock.advance(25_000);
    expect((await p.submit(rating())).ok).toBe(true);
  });
});

describe("staff and devices", () => {
  it("never lets a staff account rate", async () => {
    const accounts = await demoAccounts(server, 1);
    const c = new ApiClient(server.url);
    await c.login(accounts.STAFF.username, accounts.STAFF.password);
    const p = await pad(windowB, { cookie: `hw_session=${c.cookies.get("hw_session")}` });
    clock.advance(120_000);
    const before = await count();
    expect(await p.submit(rating())).toMatchObject({ ok: false, error: { code: "STAFF_CANNOT_RATE", retryable: false } });
    expect(await count()).toBe(before);
  });

  it("tells a revoked pad at once, disconnects it, and refuses its token afterwards", async () => {
    const p = await pad(windowA);
    const told = p.next<{ deviceId: number }>("device.revoked");
    const gone = p.next<string>("disconnect");
    const device = await server.services.prisma.kioskDevice.findUniqueOrThrow({ where: { id: p.deviceId } });
    await revokeDevice(server.services, { device, auditActor: system });
    expect((await told).deviceId).toBe(p.deviceId);
    await gone;
    const again = openPad(server.url, p.token);
    const err = await new Promise<string>((resolve) => again.once("connect_error", (e) => resolve(e.message)));
    again.close();
    expect(err).toBe("UNAUTHORIZED");
  });
});
