// The public catalogue (no login, only public items, rate-limited) and shifts: staff sign in to their
// own windows only, pause with a reason, resume and sign out; supervisors hear it over Socket.IO;
// an approved absence with cover lets the cover sign in to the absent colleague's window.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../server/src/domain/audit/verifyAuditChain.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let centerId: number;
const clock = new ManualClock("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai

interface ErrorBody {
  error: { code: string; message: string };
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  accounts = await demoAccounts(server, centerId);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const signedIn = async (role: Role) => {
  const c = new ApiClient(server.url);
  await c.login(accounts[role].username, accounts[role].password);
  return c;
};

describe("public catalogue", () => {
  it("lists departments and items without a login, searchable by name or code", async () => {
    const anon = new ApiClient(server.url);
    const cat = await anon.get<{ center: { name: string }; departments: { id: number; itemCount: number }[] }>("/api/public/catalog");
    expect(cat.status).toBe(200);
    expect(cat.body.departments.length).toBeGreaterThan(20);
    const item = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { centerId, public: true, active: true, windows: { some: {} } } });
    const byCode = await anon.get<{ items: { id: number }[] }>(`/api/public/catalog/items?q=${encodeURIComponent(item.code)}`);
    expect(byCode.body.items.map((i) => i.id)).toContain(item.id);
    const byName = await anon.get<{ items: { id: number }[] }>(`/api/public/catalog/items?q=${encodeURIComponent(item.name)}`);
    expect(byName.body.items.map((i) => i.id)).toContain(item.id);
    const one = await anon.get<{ procedure: unknown[]; materials: unknown[]; windows: { number: number }[]; promisedLimitDays: number }>(`/api/public/catalog/items/${item.id}`);
    expect(one.status).toBe(200);
    expect(one.body.procedure.length).toBeGreaterThan(0);
    expect(one.body.windows.length).toBeGreaterThan(0);
    expect(one.headers.get("cache-control")).toContain("public");
  });

  it("hides items that are not public or inactive (404, not their content)", async () => {
    const item = await server.services.prisma.serviceItem.findFirstOrThrow({ where: { centerId } });
    await server.services.prisma.serviceItem.update({ where: { id: item.id }, data: { public: false } });
    const res = await new ApiClient(server.url).get<ErrorBody>(`/api/public/catalog/items/${item.id}`);
    expect(res.status).toBe(404);
    await server.services.prisma.serviceItem.update({ where: { id: item.id }, data: { public: true } });
  });

  it("limits requests per address", async () => {
    const anon = new ApiClient(server.url);
    let status = 200;
    for (let i = 0; i < 310 && status === 200; i++) status = (await anon.get("/api/public/catalog/items?pageSize=1")).status;
    expect(status).toBe(429);
    clock.advance(61_000);
    expect((await anon.get("/api/public/catalog/items?pageSize=1")).status).toBe(200);
  });
});

describe("shifts", () => {
  let sockets: Socket[] = [];
  afterAll(() => sockets.forEach((s) => s.close()));

  const supervisorSocket = async (): Promise<Socket> => {
    const sup = await signedIn("SUPERVISOR");
    const socket = openSupervisorSocket(server.url, sup);
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", () => resolve());
      socket.on("connect_error", reject);
    });
    return socket;
  };

  it("staff sign in to their own window, pause with a reason, resume and sign out; supervisors hear each step", async () => {
    const staff = await signedIn("STAFF");
    const socket = await supervisorSocket();
    const heard: string[] = [];
    for (const name of ["shift.started", "shift.paused", "shift.resumed", "shift.ended"]) socket.on(name, () => heard.push(name));

    const me = await staff.get<{ shift: null; windows: { id: number; via: string }[]; hours: { opensAt: string } }>("/api/shifts/me");
    expect(me.status).toBe(200);
    expect(me.body.shift).toBeNull();
    expect(me.body.windows.length).toBeGreaterThan(0);
    expect(me.body.hours.opensAt).toBe("09:00");
    const windowId = me.body.windows[0]!.id;

    const started = await staff.post<{ windowId: number; endedAt: null }>("/api/shifts/me/sign-in", { windowId });
    expect(started.status).toBe(201);
    expect((await staff.post<ErrorBody>("/api/shifts/me/sign-in", { windowId })).body.error.code).toBe("SHIFT_CONFLICT");
    const open = await server.services.prisma.shift.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, endedAt: null } });
    expect(open.windowId).toBe(windowId);

    const paused = await staff.post<{ pause: { reason: string } }>("/api/shifts/me/pause", { reason: "MEETING", note: "科室例会" });
    expect(paused.body.pause.reason).toBe("MEETING");
    expect((await staff.post("/api/shifts/me/pause", { reason: "NAP" })).status).toBe(400);
    expect((await staff.post<ErrorBody>("/api/shifts/me/pause", { reason: "BREAK" })).body.error.code).toBe("SHIFT_CONFLICT");
    clock.advance(10 * 60_000);
    expect((await staff.post<{ pause: null }>("/api/shifts/me/resume")).body.pause).toBeNull();
    const ended = await staff.post<{ endedAt: string }>("/api/shifts/me/sign-out");
    expect(ended.body.endedAt).toBe(clock.now().toISOString());
    await expect.poll(() => heard).toEqual(["shift.started", "shift.paused", "shift.resumed", "shift.ended"]);
    const actions = (await server.services.prisma.auditEntry.findMany({ where: { entity: "Shift", entityId: String(open.id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["start.shift", "pause.shift", "resume.shift", "end.shift"]);
    // Written on the raw connection (db/rawWrite.ts), read back through Prisma as Prisma writes them: the
    // times, the pause, the audit chain
    const stored = await server.services.prisma.shift.findUniqueOrThrow({ where: { id: open.id }, include: { pauses: true } });
    expect(stored.endedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(stored.pauses).toMatchObject([{ reason: "MEETING", note: "科室例会" }]);
    expect(stored.pauses[0]!.endedAt!.getTime() - stored.pauses[0]!.startedAt.getTime()).toBe(10 * 60_000);
    const chain = await verifyAuditChain(server.services.prisma);
    expect(chain.firstBrokenId).toBeNull();
    const lastEntry = await server.services.prisma.auditEntry.findFirstOrThrow({ where: { action: "end.shift", entityId: String(open.id) } });
    expect(lastEntry.after).toEqual({ endedAt: clock.now().toISOString() });
    expect(lastEntry.at.toISOString()).toBe(clock.now().toISOString());
  });

  it("refuses a window the staff member is not assigned to", async () => {
    const staff = await signedIn("STAFF");
    const other = await server.services.prisma.window.findFirstOrThrow({ where: { centerId, staff: { none: { staffId: accounts.STAFF.staffId! } } } });
    const res = await staff.post<ErrorBody>("/api/shifts/me/sign-in", { windowId: other.id });
    expect(res.status).toBe(403);
    expect(await server.services.prisma.shift.count({ where: { windowId: other.id, staffId: accounts.STAFF.staffId! } })).toBe(0);
  });

  it("an approved absence with cover lets the cover sign in to the absent colleague's window", async () => {
    const { prisma } = server.services;
    const ownPost = await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId! } });
    const colleague = await prisma.windowStaff.findFirstOrThrow({
      where: { windowId: { not: ownPost.windowId }, staffId: { not: accounts.STAFF.staffId! }, window: { centerId, staff: { none: { staffId: accounts.STAFF.staffId! } } } },
    });
    const staff = await signedIn("STAFF");
    expect((await staff.post("/api/shifts/me/sign-in", { windowId: colleague.windowId })).status).toBe(403);
    const leader = await signedIn("SUPERVISOR");
    const now = clock.now().getTime();
    const absence = await leader.post<{ id: number }>("/api/absences", {
      staffId: colleague.staffId,
      kind: "LEAVE",
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 8 * 3600_000).toISOString(),
      coverStaffId: accounts.STAFF.staffId,
      note: "病假",
    });
    expect(absence.status).toBe(201);
    const me = await staff.get<{ windows: { id: number; via: string }[] }>("/api/shifts/me");
    expect(me.body.windows.find((w) => w.id === colleague.windowId)?.via).toBe("COVER");
    expect((await staff.post("/api/shifts/me/sign-in", { windowId: colleague.windowId })).status).toBe(201);
    expect((await staff.post("/api/shifts/me/sign-out")).status).toBe(200);
    expect((await (await signedIn("STAFF")).post("/api/absences", { staffId: 1, kind: "LEAVE", startsAt: new Date(now).toISOString(), endsAt: new Date(now + 1000).toISOString(), coverStaffId: null })).status).toBe(403);
  });

  it("administrators edit the center's hours; staff see them", async () => {
    const admin = await signedIn("ADMIN");
    const current = await admin.get<Record<string, unknown>>("/api/settings");
    const put = await admin.request("PUT", "/api/settings", { json: { ...current.body, opensAt: "08:30", lunchStartsAt: "12:00", lunchEndsAt: "14:00" } });
    expect(put.status).toBe(200);
    expect((await admin.request("PUT", "/api/settings", { json: { ...current.body, opensAt: "8:30" } })).status).toBe(400);
    const staff = await signedIn("STAFF");
    expect((await staff.get<{ hours: { opensAt: string } }>("/api/shifts/me")).body.hours.opensAt).toBe("08:30");
  });
});
