// Shifts: window staff sign in to a window, pause with a reason, resume and sign out (/api/shifts/me…);
// supervisors see who is on duty (/api/shifts) and record approved absences with cover (/api/absences).
import { z } from "zod";
import { createAbsenceBodySchema, pauseBodySchema, signInBodySchema } from "../../contracts/shifts.ts";
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import { recordAbsence } from "../../domain/shifts/manageAbsences.ts";
import { findOpenShift, pauseShift, resumeShift, signableWindows, signIn, signOut } from "../../domain/shifts/manageShifts.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize, centerScope } from "../../policies/authorize.ts";
import { canReadAbsences, canRecordAbsence, canWatchShifts, canWorkShift } from "../../policies/shifts.ts";
import { presentAbsence, presentShift } from "../../presenters/shifts.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

const absenceQuerySchema = z.object({ staffId: z.coerce.number().int().positive().optional() });

export function shiftsRouter() {
  const router = createRouter("/api");

  router.get("/shifts/me", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    const staffId = actor.staffId ?? -1;
    const { prisma, clock } = ctx.services;
    const [open, windows, center] = await Promise.all([
      findOpenShift(prisma, staffId),
      signableWindows(prisma, staffId, clock.now()),
      prisma.center.findUnique({ where: { id: actor.centerId ?? -1 } }),
    ]);
    const s = centerSettingsSchema.catch(DEFAULT_CENTER_SETTINGS).parse(center?.settings ?? {});
    ctx.body = {
      shift: open ? presentShift(open) : null,
      windows,
      hours: { opensAt: s.opensAt, closesAt: s.closesAt, lunchStartsAt: s.lunchStartsAt, lunchEndsAt: s.lunchEndsAt },
    };
  });

  router.post("/shifts/me/sign-in", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    const body = parse(signInBodySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentShift(await signIn(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1, windowId: body.windowId }));
  });

  router.post("/shifts/me/sign-out", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    ctx.body = presentShift(await signOut(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1 }));
  });

  router.post("/shifts/me/pause", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    const body = parse(pauseBodySchema, ctx.request.body);
    ctx.body = presentShift(await pauseShift(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1, body }));
  });

  router.post("/shifts/me/resume", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWorkShift(actor));
    ctx.body = presentShift(await resumeShift(ctx.services, { auditActor: auditActorOf(ctx), staffId: actor.staffId ?? -1 }));
  });

  /** Who is on duty now, hall-wide (the supervisor's view; the pad reads the rows directly). */
  router.get("/shifts", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canWatchShifts(actor));
    const rows = await ctx.services.prisma.shift.findMany({
      where: { ...centerScope(actor), endedAt: null },
      include: { pauses: { where: { endedAt: null } } },
      orderBy: { windowId: "asc" },
    });
    ctx.body = { items: rows.map(presentShift) };
  });

  router.get("/absences", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadAbsences(actor));
    const q = parse(absenceQuerySchema, ctx.query);
    const rows = await ctx.services.prisma.staffAbsence.findMany({
      where: { staff: { centerId: actor.centerId ?? -1 }, ...(q.staffId ? { staffId: q.staffId } : {}) },
      orderBy: { startsAt: "desc" },
      take: 500,
    });
    ctx.body = { items: rows.map(presentAbsence) };
  });

  router.post("/absences", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canRecordAbsence(actor));
    const body = parse(createAbsenceBodySchema, ctx.request.body);
    const absence = await recordAbsence(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId ?? -1, approvedById: actor.userId, body });
    ctx.status = 201;
    ctx.body = presentAbsence(absence);
  });

  return router;
}
