// Issue #3, presence at the windows: sign-in only within the center's hours (with the early grace),
// the hours' own consistency, approved absences with cover, the on-duty board, and the window ↔ staff
// assignment with its refusals. Time moves through a ManualClock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/src/contracts/roles.ts";
import type { DutyBoardDto } from "../../server/src/contracts/shifts.ts";
import type { WindowStaffDto } from "../../server/src/contracts/masterData.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai
const shanghai = (hhmm: string) => `2026-11-30T${hhmm}:00+08:00`;
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let centerId: number;

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
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

describe("signing in within the center's hours", () => {
  it("refuses before the early grace and after closing, allows from 30 minutes before opening and at lunch", async () => {
    const staff = await signedIn("STAFF");
    const windowId = (await staff.get<{ windows: { id: number }[] }>("/api/shifts/me")).body.windows[0]!.id;
    // A fresh sign-in each time: jumping the clock hours ahead ends an idle session
    const attempt = async (hhmm: string) => {
      clock.set(shanghai(hhmm));
      await staff.login(accounts.STAFF.username, accounts.STAFF.password);
      const res = await staff.post<ErrorBody>("/api/shifts/me/sign-in", { windowId });
      if (res.status === 201) await staff.post("/api/shifts/me/sign-out");
      return res;
    };
    const early = await attempt("08:29");
    expect([early.status, early.body.error.code]).toEqual([409, "OUTSIDE_OPENING_HOURS"]);
    expect(early.body.error.message).toContain("09:00");
    expect((await attempt("08:30")).status).toBe(201);
    expect((await attempt("12:30")).status).toBe(201);
    expect((await attempt("16:59")).status).toBe(201);
    const late = await attempt("17:00");
    expect([late.status, late.body.error.code]).toEqual([409, "OUTSIDE_OPENING_HOURS"]);
    expect((await attempt("23:30")).status).toBe(409);
    expect(await server.services.prisma.shift.count({ where: { staffId: accounts.STAFF.staffId!, endedAt: null } })).toBe(0);
    clock.set(shanghai("10:00"));
  });

  it("the early grace is a center setting", async () => {
    const admin = await signedIn("ADMIN");
    const settings = (await admin.get<Record<string, unknown>>("/api/settings")).body;
    expect(settings.signInEarlyMinutes).toBe(30);
    expect((await admin.request("PUT", "/api/settings", { json: { ...settings, signInEarlyMinutes: 0 } })).status).toBe(200);
    const staff = await signedIn("STAFF");
    const windowId = (await staff.get<{ windows: { id: number }[] }>("/api/shifts/me")).body.windows[0]!.id;
    clock.set(shanghai("08:45"));
    await staff.login(accounts.STAFF.username, accounts.STAFF.password);
    expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(409);
    clock.set(shanghai("10:00"));
    await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
    await admin.request("PUT", "/api/settings", { json: settings });
  });
});

describe("center settings: the hours must make sense", () => {
  it("refuses a lunch break outside the opening hours and closing before opening, writing nothing", async () => {
    const admin = await signedIn("ADMIN");
    const before = (await admin.get<Record<string, unknown>>("/api/settings")).body;
    const cases: [Record<string, string>, string, string][] = [
      [{ lunchStartsAt: "08:00" }, "lunchStartsAt", "午休须在办公时间之内开始"],
      [{ lunchStartsAt: "17:30", lunchEndsAt: "18:00" }, "lunchStartsAt", "午休须在办公时间之内开始"],
      [{ lunchEndsAt: "17:30" }, "lunchEndsAt", "午休须在开始之后、下班之前结束"],
      [{ lunchStartsAt: "13:00", lunchEndsAt: "12:00" }, "lunchEndsAt", "午休须在开始之后、下班之前结束"],
      [{ opensAt: "17:00", closesAt: "09:00" }, "closesAt", "下班时间须晚于上班时间"],
    ];
    for (const [change, path, message] of cases) {
      const res = await admin.request<ErrorBody>("PUT", "/api/settings", { json: { ...before, ...change } });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.issues, JSON.stringify(change)).toContainEqual(expect.objectContaining({ path, message }));
    }
    expect((await admin.get("/api/settings")).body).toEqual(before);
    const ok = await admin.request("PUT", "/api/settings", { json: { ...before, lunchStartsAt: "11:30", lunchEndsAt: "13:00" } });
    expect(ok.status).toBe(200);
    await admin.request("PUT", "/api/settings", { json: before });
  });
});

describe("absences with cover and the on-duty board", () => {
  it("a supervisor records leave with a cover; the cover signs in to the absent colleague's window; the board shows both", async () => {
    const { prisma } = server.services;
    // A colleague of the STAFF account's department with a regular window of their own
    const absentPost = await prisma.windowStaff.findFirstOrThrow({
      where: { backup: false, staff: { active: true, centerId, id: { not: accounts.STAFF.staffId! }, user: { isNot: null } }, window: { active: true } },
      include: { staff: true, window: true },
    });
    const cover = await prisma.staff.findFirstOrThrow({ where: { centerId, active: true, user: { isNot: null }, id: { notIn: [absentPost.staffId, accounts.STAFF.staffId!] }, windows: { none: { windowId: absentPost.windowId } } } });
    const sup = await signedIn("SUPERVISOR");
    const created = await sup.post<{ id: number; staffName: string; coverStaffName: string }>("/api/absences", {
      staffId: absentPost.staffId, kind: "LEAVE", startsAt: shanghai("08:00"), endsAt: shanghai("18:00"), coverStaffId: cover.id, note: "病假",
    });
    expect(created.status).toBe(201);
    expect([created.body.staffName, created.body.coverStaffName]).toEqual([absentPost.staff.name, cover.name]);

    // Overlapping leave of the same person, and a cover who is away themselves, are refused
    const again = await sup.post<ErrorBody>("/api/absences", { staffId: absentPost.staffId, kind: "TRAINING", startsAt: shanghai("15:00"), endsAt: shanghai("19:00"), coverStaffId: null });
    expect([again.status, again.body.error.code]).toEqual([409, "CONFLICT"]);
    const coverAway = await sup.post<ErrorBody>("/api/absences", { staffId: cover.id, kind: "LEAVE", startsAt: shanghai("16:00"), endsAt: shanghai("20:00"), coverStaffId: absentPost.staffId });
    expect(coverAway.status).toBe(409);
    expect(await prisma.staffAbsence.count({ where: { staffId: { in: [absentPost.staffId, cover.id] } } })).toBe(1);

    // The cover signs in to the absent colleague's window, and pauses for a meeting
    const coverUser = await prisma.user.findUniqueOrThrow({ where: { staffId: cover.id } });
    const coverClient = new ApiClient(server.url);
    await coverClient.login(coverUser.username, "hallwatch-demo-2026");
    const mine = await coverClient.get<{ windows: { id: number; via: string }[] }>("/api/shifts/me");
    expect(mine.body.windows).toContainEqual(expect.objectContaining({ id: absentPost.windowId, via: "COVER" }));
    expect((await coverClient.post("/api/shifts/me/sign-in", { windowId: absentPost.windowId })).status).toBe(201);
    expect((await coverClient.post("/api/shifts/me/pause", { reason: "MEETING", note: "周例会" })).status).toBe(200);

    for (const role of ["SUPERVISOR", "LEADER", "ADMIN"] as const) {
      const board = await (await signedIn(role)).get<DutyBoardDto>("/api/shifts/board");
      expect(board.status, role).toBe(200);
      expect(board.body.phase).toBe("OPEN");
      const row = board.body.onDuty.find((s) => s.windowId === absentPost.windowId);
      expect(row).toMatchObject({ staffName: cover.name, windowNumber: absentPost.window.number, pause: { reason: "MEETING", note: "周例会" } });
      const absent = board.body.absentNow.find((a) => a.staffId === absentPost.staffId);
      expect(absent).toMatchObject({ kind: "LEAVE", coverStaffName: cover.name, coverWindowNumber: absentPost.window.number });
      expect(absent?.windowNumbers).toContain(absentPost.window.number);
    }
    const current = await sup.get<{ items: { staffId: number }[] }>("/api/absences?current=true");
    expect(current.body.items.map((a) => a.staffId)).toContain(absentPost.staffId);
    clock.set(shanghai("19:00"));
    await sup.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    expect((await sup.get<{ items: unknown[] }>("/api/absences?current=true")).body.items).toEqual([]);
    expect((await sup.get<DutyBoardDto>("/api/shifts/board")).body.phase).toBe("CLOSED");
    clock.set(shanghai("10:00"));
    await coverClient.login(coverUser.username, "hallwatch-demo-2026");
    await coverClient.post("/api/shifts/me/sign-out");
  });

  it("staff, liaisons and auditors do not see the board", async () => {
    for (const role of ["STAFF", "LIAISON", "AUDITOR", "SECURITY_ADMIN"] as const) {
      expect((await (await signedIn(role)).get("/api/shifts/board")).status, role).toBe(403);
    }
  });
});

describe("window ↔ staff assignment", () => {
  it("lists a window's regulars and backups and replaces them; refuses staff of a department not at the window, duplicates and inactive staff, writing nothing", async () => {
    const { prisma } = server.services;
    const admin = await signedIn("ADMIN");
    const window = await prisma.window.findFirstOrThrow({ where: { centerId, active: true, staff: { some: { backup: true } } }, include: { departments: true } });
    const deptIds = window.departments.map((d) => d.departmentId);
    const before = await admin.get<WindowStaffDto>(`/api/windows/${window.id}/staff`);
    expect(before.status).toBe(200);
    expect(before.body.staff.some((s) => s.backup)).toBe(true);
    expect(before.body.staff.every((s) => deptIds.includes(s.departmentId))).toBe(true);
    const keep = before.body.staff.map(({ staffId, backup }) => ({ staffId, backup }));

    const outsider = await prisma.staff.findFirstOrThrow({ where: { centerId, active: true, departmentId: { notIn: deptIds } } });
    const foreign = await admin.request<ErrorBody>("PUT", `/api/windows/${window.id}/staff`, { json: { staff: [...keep, { staffId: outsider.id, backup: true }] } });
    expect([foreign.status, foreign.body.error.code]).toEqual([409, "STAFF_NOT_AT_WINDOW"]);
    expect(foreign.body.error.issues?.[0]?.message).toContain(outsider.name);

    const dup = await admin.request<ErrorBody>("PUT", `/api/windows/${window.id}/staff`, { json: { staff: [keep[0], { ...keep[0]!, backup: !keep[0]!.backup }] } });
    expect([dup.status, dup.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);

    const colleague = await prisma.staff.findFirstOrThrow({ where: { centerId, departmentId: { in: deptIds }, id: { notIn: keep.map((k) => k.staffId) } } });
    await prisma.staff.update({ where: { id: colleague.id }, data: { active: false } });
    const inactive = await admin.request<ErrorBody>("PUT", `/api/windows/${window.id}/staff`, { json: { staff: [...keep, { staffId: colleague.id, backup: true }] } });
    expect(inactive.status).toBe(400);
    await prisma.staff.update({ where: { id: colleague.id }, data: { active: true } });
    expect((await admin.get<WindowStaffDto>(`/api/windows/${window.id}/staff`)).body).toEqual(before.body);

    const saved = await admin.request<WindowStaffDto>("PUT", `/api/windows/${window.id}/staff`, { json: { staff: [...keep, { staffId: colleague.id, backup: true }] } });
    expect(saved.status).toBe(200);
    expect(saved.body.staff).toContainEqual(expect.objectContaining({ staffId: colleague.id, backup: true, name: colleague.name }));
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "assign.windowStaff", entityId: String(window.id) }, orderBy: { id: "desc" } });
    expect(JSON.stringify(audit.after)).toContain(String(colleague.id));

    // Removing the department of an assigned staff member from the window is refused too
    const otherDept = await prisma.department.findFirstOrThrow({ where: { centerId, active: true, id: { notIn: deptIds } } });
    await prisma.windowItem.deleteMany({ where: { windowId: window.id } });
    const stranded = await admin.patch<ErrorBody>(`/api/windows/${window.id}`, { departmentIds: [otherDept.id] });
    expect([stranded.status, stranded.body.error.code]).toEqual([409, "STAFF_NOT_AT_WINDOW"]);
    await admin.request("PUT", `/api/windows/${window.id}/staff`, { json: { staff: keep } });
  });
});
