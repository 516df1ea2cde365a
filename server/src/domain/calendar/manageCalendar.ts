// Entering calendar days and declaring a year known (after its official holidays are entered), each
// audited. Official days have no center: SQLite's unique index treats NULLs as distinct, so the
// existence check is done here, in the transaction.
import type { CalendarDayBody } from "../../contracts/calendar.ts";
import { AppError } from "../../errors.ts";
import type { CalendarDay, CalendarYear } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

export async function setCalendarDay(services: Services, opts: { centerId: number; auditActor: AuditActor; body: CalendarDayBody }): Promise<CalendarDay> {
  const now = services.clock.now();
  const centerId = opts.body.scope === "CENTER" ? opts.centerId : null;
  return services.prisma.$transaction(async (tx) => {
    const existing = await tx.calendarDay.findFirst({ where: { centerId, date: opts.body.date } });
    if (existing) throw new AppError("CONFLICT", { issues: [{ path: "date", code: "duplicate", message: "该日期已录入", messageEn: "This date is entered already" }] });
    const row = await tx.calendarDay.create({ data: { centerId, date: opts.body.date, kind: opts.body.kind, name: opts.body.name, createdAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "create.calendarDay", entity: "CalendarDay", entityId: row.id, centerId: opts.centerId, after: row }, now);
    return row;
  });
}

export async function declareCalendarYear(services: Services, opts: { auditActor: AuditActor; centerId: number; year: number; source: string }): Promise<CalendarYear> {
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    if (await tx.calendarYear.findUnique({ where: { year: opts.year } })) throw new AppError("CONFLICT", { issues: [{ path: "year", code: "duplicate", message: "该年度已录入", messageEn: "This year is entered already" }] });
    const row = await tx.calendarYear.create({ data: { year: opts.year, source: opts.source, createdAt: now } });
    // The admin alert about the unknown year is answered now.
    await tx.alert.updateMany({ where: { kind: "CALENDAR_YEAR_UNKNOWN", sourceKey: { endsWith: `:year:${opts.year}` }, resolvedAt: null }, data: { resolvedAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "create.calendarYear", entity: "CalendarYear", entityId: row.year, centerId: opts.centerId, after: row }, now);
    return row;
  });
}
