// Shifts: window staff sign in to a window, pause with a reason, resume and sign out (/api/shifts/me…);
// supervisors see who is on duty (/api/shifts) and record approved absences with cover (/api/absences).
import { z } from "zod";
import { absenceDtoSchema, absenceQuerySchema, createAbsenceBodySchema, dutyBoardDtoSchema, myShiftDtoSchema, pauseBodySchema, shiftDtoSchema, signInBodySchema } from "../../contracts/shifts.ts";
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { loadDutyBoard } from "../../domain/shifts/dutyBoard.ts";
import { ABSENCE_NAMES, recordAbsence } from "../../domain/shifts/manageAbsences.ts";
import { findOpenShift, pauseShift, resumeShift, signableWindows, signIn, signOut } from "../../domain/shifts/manageShifts.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { canReadAbsences, canRecordAbsence, canWatchShifts, canWorkShift } from "../../policies/shifts.ts";
import { presentAbsence, presentShift } from "../../presenters/shifts.ts";
import { spec } from "../openapi/routeSpec.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export function shiftsRouter() {
  const router = createRouter("/api");

  router.get("/shifts/me", spec({ summary: "The staff member's own shift, the windows they may sign in to, the hall's hours", response: myShiftDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    const staffId = actor.staffId ?? -1;
    const { prisma, clock } = ctx.services;
    const [open, windows, center] = await Promise.all([
      findOpenShift(prisma, staffId),
      signableWindows(ctx.services, staffId, clock.now()),
      prisma.center.findUnique({ where: { id: actor.centerId ?? -1 } }),
    ]);
    const s = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center?.settings ?? {});
    ctx.body = {
      shift: open ? presentShift(open) : null,
      windows,
      hours: { opensAt: s.opensAt, closesAt: s.closesAt, lunchStartsAt: s.lunchStartsAt, lunchEndsAt: s.lunchEndsAt },
    };
  });

  router.post("/shifts/me/sign-in", spec({ summary: "Sign in to a window (own post, AB岗 backup, or cover), within the hours: 409 OUTSIDE_OPENING_HOURS before signInEarlyMinutes ahead of opening or after closing", body: signInBodySchema, response: shiftDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    const body = parse(signInBodySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentShift(await signIn(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1, windowId: body.windowId }));
  });

  router.post("/shifts/me/sign-out", spec({ summary: "Sign out", noBody: true, response: shiftDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    ctx.body = presentShift(await signOut(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1 }));
  });

  router.post("/shifts/me/pause", spec({ summary: "Pause with a reason", body: pauseBodySchema, response: shiftDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    const body = parse(pauseBodySchema, ctx.request.body);
    ctx.body = presentShift(await pauseShift(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1, body }));
  });

  router.post("/shifts/me/resume", spec({ summary: "Resume after a pause", noBody: true, response: shiftDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    ctx.body = presentShift(await resumeShift(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1 }));
  });

  /** Who is on duty now, hall-wide (the supervisor's view; the pad reads the rows directly). */
  router.get("/shifts", spec({ summary: "Open shifts in the center (ids only; see /api/shifts/board)", response: z.object({ items: z.array(shiftDtoSchema) }) }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWatchShifts(actor));
    const rows = await ctx.services.prisma.shift.findMany({
      where: { ...centerScope(actor), endedAt: null },
      include: { pauses: { where: { endedAt: null } } },
      orderBy: { windowId: "asc" },
    });
    ctx.body = { items: rows.map(presentShift) };
  });

  /** The on-duty board: open shifts with window, staff and pause; absences now with their cover. */
  router.get("/shifts/board", spec({ summary: "Who is on duty now: open shifts with window, staff and pause; absences now with cover", response: dutyBoardDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWatchShifts(actor) && actor.centerId !== null);
    ctx.body = await loadDutyBoard(ctx.services.prisma, actor.centerId ?? -1, ctx.services.clock.now());
  });

  router.get("/absences", spec({ tag: "shifts", summary: "Approved absences (current=true: going on now)", query: absenceQuerySchema, response: z.object({ items: z.array(absenceDtoSchema) }) }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAbsences(actor));
    const q = parse(absenceQuerySchema, ctx.query);
    const now = ctx.services.clock.now();
    const rows = await ctx.services.prisma.staffAbsence.findMany({
      where: {
        staff: { centerId: actor.centerId ?? -1 },
        ...(q.staffId ? { staffId: q.staffId } : {}),
        ...(q.current ? { startsAt: { lte: now }, endsAt: { gt: now } } : {}),
      },
      include: ABSENCE_NAMES,
      orderBy: { startsAt: "desc" },
      take: 500,
    });
    ctx.body = { items: rows.map(presentAbsence) };
  });

  router.post("/absences", spec({ tag: "shifts", summary: "Record an approved absence, optionally with a cover (409 CONFLICT on overlap or an absent cover)", body: createAbsenceBodySchema, response: absenceDtoSchema }), async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRecordAbsence(actor));
    const body = parse(createAbsenceBodySchema, ctx.request.body);
    const absence = await recordAbsence(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, approvedById: actor.userId, body });
    ctx.status = 201;
    ctx.body = presentAbsence(absence);
  });

  return router;
}
