// The working-day calendar of the center: read by supervisors and leaders, maintained by the admin.
import { calendarDayBodySchema, calendarQuerySchema, calendarYearBodySchema, type CalendarDto } from "../../contracts/calendar.ts";
import { declareCalendarYear, setCalendarDay } from "../../domain/calendar/manageCalendar.ts";
import { PACKAGE_YEARS } from "../../domain/calendar/officialCalendar.ts";
import { auditActorOf, requireActor } from "../../middleware/session.ts";
import { authorize } from "../../policies/authorize.ts";
import { canManageCalendar, canReadCalendar } from "../../policies/calendar.ts";
import { createRouter } from "../router.ts";
import { parse } from "../validate.ts";

export function calendarRouter() {
  const router = createRouter("/api/calendar");

  router.get("/", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canReadCalendar(actor));
    const { year } = parse(calendarQuerySchema, ctx.query);
    const [rows, entered] = await Promise.all([
      ctx.services.prisma.calendarDay.findMany({ where: { OR: [{ centerId: null }, { centerId: actor.centerId! }], date: { startsWith: `${year}-` } }, orderBy: { date: "asc" } }),
      ctx.services.prisma.calendarYear.findUnique({ where: { year } }),
    ]);
    const body: CalendarDto = {
      year,
      known: PACKAGE_YEARS.has(year) || entered !== null,
      days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, official: r.centerId === null })),
    };
    ctx.body = body;
  });

  router.post("/days", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageCalendar(actor));
    const body = parse(calendarDayBodySchema, ctx.request.body);
    const row = await setCalendarDay(ctx.services, { centerId: actor.centerId!, auditActor: auditActorOf(ctx), body });
    ctx.status = 201;
    ctx.body = { date: row.date, kind: row.kind, name: row.name, official: row.centerId === null };
  });

  router.post("/years", async (ctx) => {
    const actor = requireActor(ctx);
    authorize(canManageCalendar(actor));
    const body = parse(calendarYearBodySchema, ctx.request.body);
    const row = await declareCalendarYear(ctx.services, { auditActor: auditActorOf(ctx), centerId: actor.centerId!, year: body.year, source: body.source });
    ctx.status = 201;
    ctx.body = { year: row.year, source: row.source };
  });

  return router;
}
