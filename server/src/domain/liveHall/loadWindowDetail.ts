// A window's detail for the live hall: its tile, today's timeline (sign-ins and -outs, pauses, cases,
// ratings, queue calls, the staff's "finished serving" presses, inspections) and this week's figures (Monday to now, Asia/Shanghai).
import { BAD_MAX_LEVEL, SATISFIED_MIN_LEVEL, type TimelineEntry, type WeekFigures, type WindowDetail } from "../../contracts/liveHall.ts";
import type { PauseReason } from "../../contracts/shifts.ts";
import type { Services } from "../../services.ts";
import { addDays, shanghaiDate, shanghaiInstant } from "../calendar/workingDays.ts";
import { loadHallTiles } from "./loadHallTiles.ts";
import { queueTimesBy } from "./queueTimes.ts";

/** Monday of the Shanghai week of `date` (yyyy-mm-dd). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

const entry = (at: Date, kind: TimelineEntry["kind"], rest: Partial<Omit<TimelineEntry, "at" | "kind">> = {}): TimelineEntry => ({
  at: at.toISOString(),
  kind,
  staffName: rest.staffName ?? null,
  subject: rest.subject ?? "",
  level: rest.level ?? null,
  pauseReason: rest.pauseReason ?? null,
  negative: rest.negative ?? false,
});

const between = (d: Date | null, from: Date, to: Date): d is Date => d !== null && d >= from && d <= to;

export async function loadWindowDetail(services: Services, opts: { centerId: number; windowId: number }): Promise<WindowDetail | null> {
  const [tile] = await loadHallTiles(services, { centerId: opts.centerId, windowIds: [opts.windowId] });
  if (!tile) return null;
  const { prisma } = services;
  const now = services.clock.now();
  const today = shanghaiDate(now);
  const dayStart = shanghaiInstant(today, "00:00");
  const weekFrom = mondayOf(today);
  const weekStart = shanghaiInstant(weekFrom, "00:00");
  const windowId = opts.windowId;

  const [shifts, cases, ratings, tickets, inspections, finishedPresses] = await Promise.all([
    prisma.shift.findMany({
      where: { windowId, OR: [{ startedAt: { gte: weekStart } }, { endedAt: null }, { endedAt: { gte: weekStart } }] },
      include: { staff: { select: { name: true } }, pauses: true },
    }),
    prisma.case.findMany({
      where: { windowId, OR: [{ acceptedAt: { gte: weekStart } }, { completedAt: { gte: weekStart } }] },
      select: { caseNo: true, acceptedAt: true, completedAt: true, dueAt: true, state: true, item: { select: { name: true } }, acceptedBy: { select: { name: true } }, handledBy: { select: { name: true } } },
    }),
    prisma.evaluation.findMany({ where: { windowId, ratedAt: { gte: weekStart }, defaulted: false }, select: { level: true, ratedAt: true, staff: { select: { name: true } } } }),
    prisma.queueTicket.findMany({
      where: { windowId, OR: [{ calledAt: { gte: weekStart } }, { finishedAt: { gte: weekStart } }] },
      select: { ticketNo: true, calledAt: true, startedAt: true, finishedAt: true, noShow: true, waitSeconds: true, serviceSeconds: true, staff: { select: { id: true, name: true } }, item: { select: { id: true, name: true } } },
    }),
    prisma.inspection.findMany({
      where: { windowId, at: { gte: weekStart } },
      select: { at: true, totalDeduction: true, staff: { select: { name: true } }, findings: { select: { passed: true } } },
    }),
    // 邀请评价 pressed by staff: the end of a service (windowState.ts), so the timeline explains the state
    prisma.invitation.findMany({ where: { windowId, source: "STAFF_BUTTON", createdAt: { gte: dayStart, lte: now } }, select: { createdAt: true, staff: { select: { name: true } } } }),
  ]);

  const timeline: TimelineEntry[] = [];
  for (const s of shifts) {
    const staffName = s.staff.name;
    if (between(s.startedAt, dayStart, now)) timeline.push(entry(s.startedAt, "SIGN_IN", { staffName }));
    if (between(s.endedAt, dayStart, now)) timeline.push(entry(s.endedAt, "SIGN_OUT", { staffName }));
    for (const p of s.pauses) {
      const pauseReason = p.reason as PauseReason;
      if (between(p.startedAt, dayStart, now)) timeline.push(entry(p.startedAt, "PAUSE", { staffName, pauseReason, subject: p.note ?? "" }));
      if (between(p.endedAt, dayStart, now)) timeline.push(entry(p.endedAt, "RESUME", { staffName, pauseReason }));
    }
  }
  for (const c of cases) {
    const subject = `${c.caseNo} · ${c.item.name}`;
    if (between(c.acceptedAt, dayStart, now)) timeline.push(entry(c.acceptedAt, "CASE_ACCEPTED", { staffName: c.acceptedBy.name, subject }));
    if (between(c.completedAt, dayStart, now)) timeline.push(entry(c.completedAt, "CASE_COMPLETED", { staffName: c.handledBy.name, subject, negative: c.completedAt > c.dueAt }));
  }
  for (const r of ratings) {
    if (between(r.ratedAt, dayStart, now)) timeline.push(entry(r.ratedAt, "RATING", { staffName: r.staff?.name ?? null, level: r.level, negative: r.level <= BAD_MAX_LEVEL }));
  }
  for (const t of tickets) {
    const staffName = t.staff?.name ?? null;
    const subject = t.item ? `${t.ticketNo} · ${t.item.name}` : t.ticketNo;
    if (between(t.calledAt, dayStart, now)) timeline.push(entry(t.calledAt, "QUEUE_CALLED", { staffName, subject }));
    if (between(t.startedAt, dayStart, now)) timeline.push(entry(t.startedAt, "QUEUE_STARTED", { staffName, subject }));
    if (between(t.finishedAt, dayStart, now)) timeline.push(entry(t.finishedAt, t.noShow ? "QUEUE_NO_SHOW" : "QUEUE_FINISHED", { staffName, subject, negative: t.noShow }));
  }
  for (const i of inspections) {
    if (!between(i.at, dayStart, now)) continue;
    const failed = i.findings.filter((f) => !f.passed).length;
    timeline.push(entry(i.at, "INSPECTION", { staffName: i.staff?.name ?? null, subject: `−${i.totalDeduction} (${failed}/${i.findings.length})`, negative: i.totalDeduction > 0 || failed > 0 }));
  }
  for (const p of finishedPresses) timeline.push(entry(p.createdAt, "SERVICE_FINISHED", { staffName: p.staff?.name ?? null }));
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  const finished = tickets.filter((t) => between(t.finishedAt, weekStart, now) && !t.noShow);
  const avg = (xs: (number | null)[]) => {
    const ns = xs.filter((x): x is number => x !== null);
    return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : null;
  };
  const pausedMs = shifts
    .flatMap((s) => s.pauses)
    .reduce((sum, p) => {
      const from = Math.max(p.startedAt.getTime(), weekStart.getTime());
      const to = Math.min((p.endedAt ?? now).getTime(), now.getTime());
      return sum + Math.max(0, to - from);
    }, 0);
  const weekRatings = ratings.filter((r) => r.ratedAt <= now);
  const weekInspections = inspections.filter((i) => i.at <= now);
  const week: WeekFigures = {
    from: weekFrom,
    to: today,
    served: finished.length,
    casesAccepted: cases.filter((c) => between(c.acceptedAt, weekStart, now)).length,
    casesCompleted: cases.filter((c) => between(c.completedAt, weekStart, now)).length,
    ratings: weekRatings.length,
    satisfied: weekRatings.filter((r) => r.level >= SATISFIED_MIN_LEVEL).length,
    bad: weekRatings.filter((r) => r.level <= BAD_MAX_LEVEL).length,
    avgWaitSeconds: avg(finished.map((t) => t.waitSeconds)),
    avgServiceSeconds: avg(finished.map((t) => t.serviceSeconds)),
    noShows: tickets.filter((t) => t.noShow && between(t.finishedAt, weekStart, now)).length,
    pausedMinutes: Math.round(pausedMs / 60_000),
    inspections: weekInspections.length,
    inspectionDeductions: weekInspections.reduce((sum, i) => sum + i.totalDeduction, 0),
  };
  const timesBetween = (from: Date) => ({ byStaff: queueTimesBy(tickets, "staff", from, now), byItem: queueTimesBy(tickets, "item", from, now) });
  return { tile, timeline, week, queueTimes: { today: timesBetween(dayStart), week: timesBetween(weekStart) } };
}
