// Staff signing in to a window, pausing with a reason, resuming and signing out. A Shift row with
// endedAt null is a staff member on duty at that window (the rating pad reads it to credit ratings);
// a ShiftPause with endedAt null means the window is not serving right now. One open shift per staff
// member and per window. Every change is audited and then announced (shift.*, which the pads and the live
// hall's tiles follow; the events carry what a tile shows, so the hall need not re-read the database).
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import type { PauseBody } from "../../contracts/shifts.ts";
import { AppError } from "../../errors.ts";
import type { Shift, ShiftPause } from "../../generated/prisma/client.ts";
import type Sqlite from "better-sqlite3";
import { sqliteTime, type Tx } from "../../db/database.ts";
import { rawWrite } from "../../db/rawWrite.ts";
import type { ShiftEvent } from "../../lib/events.ts";
import type { Services } from "../../services.ts";
import { recordAuditRaw, type AuditActor } from "../audit/recordAudit.ts";
import { signInVia, signInWindowAt, type SignInVia } from "./shiftRules.ts";

export type ShiftWithPause = Shift & { pauses: ShiftPause[] };

const conflict = (zh: string, en: string) => new AppError("SHIFT_CONFLICT", { message: zh, messageEn: en });

/** The staff member's open shift with its open pause (if any). */
export const findOpenShift = (db: Tx | Services["prisma"], staffId: number): Promise<ShiftWithPause | null> =>
  db.shift.findFirst({ where: { staffId, endedAt: null }, include: { pauses: { where: { endedAt: null } } }, orderBy: { id: "desc" } });

/** Windows the staff member may sign in to now: own posts (regular, AB岗) and cover for absent colleagues.
 * One reading of the rule for GET /shifts/me and for the sign-in itself (inside its transaction). */
export async function signableWindows(services: Services, staffId: number, now: Date): Promise<SignableWindow[]> {
  return signableWindowsIn(shiftStatements(services.db.raw), staffId, now);
}

type SignableWindow = { id: number; number: number; name: string; via: SignInVia };

function signableWindowsIn(q: ShiftStatements, staffId: number, now: Date): SignableWindow[] {
  const nowIso = sqliteTime(now);
  const own = q.ownPosts.all(staffId);
  const cover = q.coverPosts.all(staffId, nowIso, nowIso);
  const windows = new Map([...own, ...cover].map((w) => [w.windowId, w]));
  const assignments = own.map((p) => ({ windowId: p.windowId, backup: p.backup === 1 }));
  const coverIds = cover.map((c) => c.windowId);
  return [...windows.values()]
    .map((w) => ({ id: w.windowId, number: w.number, name: w.name, via: signInVia(assignments, coverIds, w.windowId) }))
    .filter((w): w is SignableWindow => w.via !== null)
    .sort((a, b) => a.number - b.number);
}

// The four changes below run on the raw connection in one IMMEDIATE transaction each (db/rawWrite.ts):
// through Prisma's interactive transaction a pause or a sign-out cost 11–20 ms of CPU, and staff change
// state all day long (the live hall's fan-out benchmark saturated the server with 40 changes a second).
// Same rules, same audit entries, same events; findOpenShift for other readers stays on Prisma.

interface ShiftRow {
  id: number;
  centerId: number;
  windowId: number;
  staffId: number;
  startedAt: string;
  endedAt: string | null;
}
interface PauseRow {
  id: number;
  shiftId: number;
  reason: ShiftPause["reason"];
  note: string | null;
  startedAt: string;
  endedAt: string | null;
}

const toPause = (p: PauseRow): ShiftPause => ({ ...p, startedAt: new Date(p.startedAt), endedAt: p.endedAt === null ? null : new Date(p.endedAt) });

const toShift = (r: ShiftRow, pauses: PauseRow[]): ShiftWithPause => ({
  id: r.id,
  centerId: r.centerId,
  windowId: r.windowId,
  staffId: r.staffId,
  startedAt: new Date(r.startedAt),
  endedAt: r.endedAt === null ? null : new Date(r.endedAt),
  pauses: pauses.map(toPause),
});

interface StaffRow {
  id: number;
  centerId: number;
  active: number;
  name: string;
  staffNo: string;
  hasPhoto: number;
}

interface ShiftStatements {
  staff: Sqlite.Statement<[number], StaffRow>;
  settings: Sqlite.Statement<[number], { settings: string | null }>;
  ownPosts: Sqlite.Statement<[number], { windowId: number; number: number; name: string; backup: number }>;
  coverPosts: Sqlite.Statement<[number, string, string], { windowId: number; number: number; name: string }>;
  openShiftOfStaff: Sqlite.Statement<[number], ShiftRow>;
  openShiftAtWindow: Sqlite.Statement<[number], { id: number }>;
  openPauses: Sqlite.Statement<[number], PauseRow>;
  pause: Sqlite.Statement<[number], PauseRow>;
  shift: Sqlite.Statement<[number], ShiftRow>;
  insertShift: Sqlite.Statement;
  endShift: Sqlite.Statement;
  insertPause: Sqlite.Statement;
  endPauses: Sqlite.Statement;
  endPause: Sqlite.Statement;
  departments: Sqlite.Statement<[number], { departmentId: number }>;
}

const statements = new WeakMap<Sqlite.Database, ShiftStatements>();

function shiftStatements(raw: Sqlite.Database): ShiftStatements {
  let q = statements.get(raw);
  if (!q) {
    q = {
      staff: raw.prepare<[number], StaffRow>(`SELECT "id","centerId","active","name","staffNo","photoPath" IS NOT NULL AS "hasPhoto" FROM "Staff" WHERE "id" = ?`),
      settings: raw.prepare<[number], { settings: string | null }>(`SELECT "settings" FROM "Center" WHERE "id" = ?`),
      ownPosts: raw.prepare<[number], { windowId: number; number: number; name: string; backup: number }>(
        `SELECT ws."windowId", w."number", w."name", ws."backup" FROM "WindowStaff" ws JOIN "Window" w ON w."id" = ws."windowId" WHERE ws."staffId" = ? AND w."active" = 1`,
      ),
      coverPosts: raw.prepare<[number, string, string], { windowId: number; number: number; name: string }>(
        `SELECT DISTINCT ws."windowId", w."number", w."name" FROM "StaffAbsence" a JOIN "WindowStaff" ws ON ws."staffId" = a."staffId" JOIN "Window" w ON w."id" = ws."windowId"
         WHERE a."coverStaffId" = ? AND a."startsAt" <= ? AND a."endsAt" > ? AND w."active" = 1`,
      ),
      openShiftOfStaff: raw.prepare<[number], ShiftRow>(`SELECT * FROM "Shift" WHERE "staffId" = ? AND "endedAt" IS NULL ORDER BY "id" DESC LIMIT 1`),
      openShiftAtWindow: raw.prepare<[number], { id: number }>(`SELECT "id" FROM "Shift" WHERE "windowId" = ? AND "endedAt" IS NULL LIMIT 1`),
      openPauses: raw.prepare<[number], PauseRow>(`SELECT * FROM "ShiftPause" WHERE "shiftId" = ? AND "endedAt" IS NULL ORDER BY "id"`),
      pause: raw.prepare<[number], PauseRow>(`SELECT * FROM "ShiftPause" WHERE "id" = ?`),
      shift: raw.prepare<[number], ShiftRow>(`SELECT * FROM "Shift" WHERE "id" = ?`),
      insertShift: raw.prepare(`INSERT INTO "Shift" ("centerId","windowId","staffId","startedAt") VALUES (?,?,?,?)`),
      endShift: raw.prepare(`UPDATE "Shift" SET "endedAt" = ? WHERE "id" = ?`),
      insertPause: raw.prepare(`INSERT INTO "ShiftPause" ("shiftId","reason","note","startedAt") VALUES (?,?,?,?)`),
      endPauses: raw.prepare(`UPDATE "ShiftPause" SET "endedAt" = ? WHERE "shiftId" = ? AND "endedAt" IS NULL`),
      endPause: raw.prepare(`UPDATE "ShiftPause" SET "endedAt" = ? WHERE "id" = ?`),
      departments: raw.prepare<[number], { departmentId: number }>(`SELECT "departmentId" FROM "WindowDepartment" WHERE "windowId" = ? ORDER BY "departmentId"`),
    };
    statements.set(raw, q);
  }
  return q;
}

function openShiftOf(q: ShiftStatements, staffId: number): ShiftWithPause | null {
  const row = q.openShiftOfStaff.get(staffId);
  return row ? toShift(row, q.openPauses.all(row.id)) : null;
}

function eventOf(q: ShiftStatements, shift: Pick<Shift, "id" | "centerId" | "windowId" | "staffId">, at: Date): ShiftEvent {
  const departmentIds = q.departments.all(shift.windowId).map((d) => d.departmentId);
  return { centerId: shift.centerId, windowId: shift.windowId, staffId: shift.staffId, shiftId: shift.id, departmentIds, at: at.toISOString() };
}

export async function signIn(services: Services, opts: { auditActor: AuditActor; staffId: number; windowId: number }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { raw } = services.db;
  const q = shiftStatements(raw);
  const { result, event } = await rawWrite(services.db, () => {
    const staff = q.staff.get(opts.staffId);
    if (!staff || !staff.active) throw new AppError("FORBIDDEN");
    const stored = q.settings.get(staff.centerId)?.settings;
    const settings = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(stored ? (JSON.parse(stored) as unknown) : {});
    const hours = signInWindowAt(settings, now);
    if (hours !== "OK") {
      throw new AppError("OUTSIDE_OPENING_HOURS", {
        message: hours === "TOO_EARLY"
          ? `中心 ${settings.opensAt} 开门，最早可提前 ${settings.signInEarlyMinutes} 分钟签到`
          : `中心已于 ${settings.closesAt} 下班，不能签到`,
        messageEn: hours === "TOO_EARLY"
          ? `The center opens at ${settings.opensAt}; sign-in opens ${settings.signInEarlyMinutes} minutes before`
          : `The center closed at ${settings.closesAt}; signing in is not possible`,
      });
    }
    const via = signableWindowsIn(q, staff.id, now).find((w) => w.id === opts.windowId)?.via;
    if (!via) {
      throw new AppError("FORBIDDEN", { message: "您未被分配到该窗口，也不是该窗口的 AB 岗或代班人员", messageEn: "You are not assigned to this window, nor its backup or cover" });
    }
    if (q.openShiftOfStaff.get(staff.id)) throw conflict("您已在其他窗口签到，请先签退", "You are already signed in; sign out first");
    if (q.openShiftAtWindow.get(opts.windowId)) throw conflict("该窗口已有工作人员签到", "Someone is already signed in at this window");
    const id = Number(q.insertShift.run(staff.centerId, opts.windowId, staff.id, sqliteTime(now)).lastInsertRowid);
    const shift = toShift(q.shift.get(id)!, []);
    recordAuditRaw(raw, opts.auditActor, { action: "start.shift", entity: "Shift", entityId: shift.id, centerId: staff.centerId, after: { windowId: shift.windowId, staffId: shift.staffId, via } }, now);
    return { result: shift, event: { ...eventOf(q, shift, now), staff: { name: staff.name, staffNo: staff.staffNo, hasPhoto: staff.hasPhoto === 1 } } };
  });
  services.events.emit("shift.started", event);
  return result;
}

export async function signOut(services: Services, opts: { auditActor: AuditActor; staffId: number }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { raw } = services.db;
  const q = shiftStatements(raw);
  const { result, event } = await rawWrite(services.db, () => {
    const open = openShiftOf(q, opts.staffId);
    if (!open) throw conflict("您尚未签到", "You are not signed in");
    const nowIso = sqliteTime(now);
    q.endPauses.run(nowIso, open.id);
    q.endShift.run(nowIso, open.id);
    const shift = toShift(q.shift.get(open.id)!, []);
    recordAuditRaw(raw, opts.auditActor, { action: "end.shift", entity: "Shift", entityId: shift.id, centerId: shift.centerId, before: { endedAt: null }, after: { endedAt: now } }, now);
    return { result: shift, event: eventOf(q, shift, now) };
  });
  services.events.emit("shift.ended", event);
  return result;
}

export async function pauseShift(services: Services, opts: { auditActor: AuditActor; staffId: number; body: PauseBody }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { raw } = services.db;
  const q = shiftStatements(raw);
  const { result, event } = await rawWrite(services.db, () => {
    const open = openShiftOf(q, opts.staffId);
    if (!open) throw conflict("您尚未签到", "You are not signed in");
    if (open.pauses.length > 0) throw conflict("已处于暂停状态", "Already paused");
    const pauseId = Number(q.insertPause.run(open.id, opts.body.reason, opts.body.note ?? null, sqliteTime(now)).lastInsertRowid);
    const pause = toPause(q.pause.get(pauseId)!);
    recordAuditRaw(raw, opts.auditActor, { action: "pause.shift", entity: "Shift", entityId: open.id, centerId: open.centerId, after: { reason: pause.reason, note: pause.note } }, now);
    return { result: { ...open, pauses: [pause] }, event: { ...eventOf(q, open, now), reason: pause.reason, note: pause.note } };
  });
  services.events.emit("shift.paused", event);
  return result;
}

export async function resumeShift(services: Services, opts: { auditActor: AuditActor; staffId: number }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { raw } = services.db;
  const q = shiftStatements(raw);
  const { result, event } = await rawWrite(services.db, () => {
    const open = openShiftOf(q, opts.staffId);
    if (!open) throw conflict("您尚未签到", "You are not signed in");
    const pause = open.pauses[0];
    if (!pause) throw conflict("当前未暂停", "Not paused");
    q.endPause.run(sqliteTime(now), pause.id);
    recordAuditRaw(raw, opts.auditActor, { action: "resume.shift", entity: "Shift", entityId: open.id, centerId: open.centerId, before: { reason: pause.reason }, after: { resumedAt: now } }, now);
    return { result: { ...open, pauses: [] }, event: eventOf(q, open, now) };
  });
  services.events.emit("shift.resumed", event);
  return result;
}
