// Staff signing in to a window, pausing with a reason, resuming and signing out. A Shift row with
// endedAt null is a staff member on duty at that window (the rating pad reads it to credit ratings);
// a ShiftPause with endedAt null means the window is not serving right now. One open shift per staff
// member and per window. Every change is audited and then announced (shift.* and window.changed).
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import type { PauseBody } from "../../contracts/shifts.ts";
import { AppError } from "../../errors.ts";
import type { Shift, ShiftPause } from "../../generated/prisma/client.ts";
import type { Tx } from "../../db/database.ts";
import type { ShiftEvent } from "../../lib/events.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { signInVia, signInWindowAt, type SignInVia } from "./shiftRules.ts";

export type ShiftWithPause = Shift & { pauses: ShiftPause[] };

const conflict = (zh: string, en: string) => new AppError("SHIFT_CONFLICT", { message: zh, messageEn: en });

/** The staff member's open shift with its open pause (if any). */
export const findOpenShift = (db: Tx | Services["prisma"], staffId: number): Promise<ShiftWithPause | null> =>
  db.shift.findFirst({ where: { staffId, endedAt: null }, include: { pauses: { where: { endedAt: null } } }, orderBy: { id: "desc" } });

/** Windows the staff member may sign in to now: own posts (regular, AB岗) and cover for absent colleagues. */
export async function signableWindows(db: Tx | Services["prisma"], staffId: number, now: Date): Promise<{ id: number; number: number; name: string; via: SignInVia }[]> {
  const own = await db.windowStaff.findMany({ where: { staffId, window: { active: true } }, include: { window: true } });
  const covering = await db.staffAbsence.findMany({
    where: { coverStaffId: staffId, startsAt: { lte: now }, endsAt: { gt: now } },
    include: { staff: { include: { windows: { where: { window: { active: true } }, include: { window: true } } } } },
  });
  const coverWindows = covering.flatMap((a) => a.staff.windows.map((w) => w.window));
  const all = new Map([...own.map((w) => w.window), ...coverWindows].map((w) => [w.id, w]));
  const assignments = own.map((w) => ({ windowId: w.windowId, backup: w.backup }));
  const coverIds = coverWindows.map((w) => w.id);
  return [...all.values()]
    .map((w) => ({ id: w.id, number: w.number, name: w.name, via: signInVia(assignments, coverIds, w.id) }))
    .filter((w): w is { id: number; number: number; name: string; via: SignInVia } => w.via !== null)
    .sort((a, b) => a.number - b.number);
}

async function eventOf(tx: Tx, shift: Shift, at: Date): Promise<ShiftEvent> {
  const departments = await tx.windowDepartment.findMany({ where: { windowId: shift.windowId }, select: { departmentId: true } });
  return { centerId: shift.centerId, windowId: shift.windowId, staffId: shift.staffId, shiftId: shift.id, departmentIds: departments.map((d) => d.departmentId), at: at.toISOString() };
}

function announce(services: Services, name: "shift.started" | "shift.ended" | "shift.resumed", event: ShiftEvent): void {
  services.events.emit(name, event);
  services.events.emit("window.changed", { centerId: event.centerId, windowId: event.windowId });
}

export async function signIn(services: Services, opts: { auditActor: AuditActor; staffId: number; windowId: number }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { result, event } = await services.prisma.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: opts.staffId } });
    if (!staff || !staff.active) throw new AppError("FORBIDDEN");
    const center = await tx.center.findUnique({ where: { id: staff.centerId }, select: { settings: true } });
    const settings = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center?.settings ?? {});
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
    const allowed = await signableWindows(tx, staff.id, now);
    const via = allowed.find((w) => w.id === opts.windowId)?.via;
    if (!via) {
      throw new AppError("FORBIDDEN", { message: "您未被分配到该窗口，也不是该窗口的 AB 岗或代班人员", messageEn: "You are not assigned to this window, nor its backup or cover" });
    }
    if (await findOpenShift(tx, staff.id)) throw conflict("您已在其他窗口签到，请先签退", "You are already signed in; sign out first");
    const occupied = await tx.shift.findFirst({ where: { windowId: opts.windowId, endedAt: null } });
    if (occupied) throw conflict("该窗口已有工作人员签到", "Someone is already signed in at this window");
    const shift = await tx.shift.create({ data: { centerId: staff.centerId, windowId: opts.windowId, staffId: staff.id, startedAt: now }, include: { pauses: true } });
    await recordAudit(tx, opts.auditActor, { action: "start.shift", entity: "Shift", entityId: shift.id, centerId: staff.centerId, after: { windowId: shift.windowId, staffId: shift.staffId, via } }, now);
    return { result: shift, event: await eventOf(tx, shift, now) };
  });
  announce(services, "shift.started", event);
  return result;
}

export async function signOut(services: Services, opts: { auditActor: AuditActor; staffId: number }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { result, event } = await services.prisma.$transaction(async (tx) => {
    const open = await findOpenShift(tx, opts.staffId);
    if (!open) throw conflict("您尚未签到", "You are not signed in");
    await tx.shiftPause.updateMany({ where: { shiftId: open.id, endedAt: null }, data: { endedAt: now } });
    const shift = await tx.shift.update({ where: { id: open.id }, data: { endedAt: now }, include: { pauses: { where: { endedAt: null } } } });
    await recordAudit(tx, opts.auditActor, { action: "end.shift", entity: "Shift", entityId: shift.id, centerId: shift.centerId, before: { endedAt: null }, after: { endedAt: now } }, now);
    return { result: shift, event: await eventOf(tx, shift, now) };
  });
  announce(services, "shift.ended", event);
  return result;
}

export async function pauseShift(services: Services, opts: { auditActor: AuditActor; staffId: number; body: PauseBody }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { result, event } = await services.prisma.$transaction(async (tx) => {
    const open = await findOpenShift(tx, opts.staffId);
    if (!open) throw conflict("您尚未签到", "You are not signed in");
    if (open.pauses.length > 0) throw conflict("已处于暂停状态", "Already paused");
    const pause = await tx.shiftPause.create({ data: { shiftId: open.id, reason: opts.body.reason, note: opts.body.note ?? null, startedAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "pause.shift", entity: "Shift", entityId: open.id, centerId: open.centerId, after: { reason: pause.reason, note: pause.note } }, now);
    return { result: { ...open, pauses: [pause] }, event: await eventOf(tx, open, now) };
  });
  services.events.emit("shift.paused", { ...event, reason: opts.body.reason });
  services.events.emit("window.changed", { centerId: event.centerId, windowId: event.windowId });
  return result;
}

export async function resumeShift(services: Services, opts: { auditActor: AuditActor; staffId: number }): Promise<ShiftWithPause> {
  const now = services.clock.now();
  const { result, event } = await services.prisma.$transaction(async (tx) => {
    const open = await findOpenShift(tx, opts.staffId);
    if (!open) throw conflict("您尚未签到", "You are not signed in");
    const pause = open.pauses[0];
    if (!pause) throw conflict("当前未暂停", "Not paused");
    await tx.shiftPause.update({ where: { id: pause.id }, data: { endedAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "resume.shift", entity: "Shift", entityId: open.id, centerId: open.centerId, before: { reason: pause.reason }, after: { resumedAt: now } }, now);
    return { result: { ...open, pauses: [] }, event: await eventOf(tx, open, now) };
  });
  announce(services, "shift.resumed", event);
  return result;
}
