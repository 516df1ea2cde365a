// Today's service signals of a center's windows (see ServiceSignal in windowState.ts), read for the map,
// the public display and the alert sweep alike so the three never disagree about who is serving.
// Only the latest signal of each kind per window is read: a later END undoes every earlier START, so the
// older ones cannot change the outcome, and the queries stay a fixed handful whatever the hall's size.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { ServiceSignal } from "./windowState.ts";

export interface ServiceSignalScope {
  centerId: number;
  windowIds?: readonly number[];
  /** Midnight of today (Asia/Shanghai): yesterday's signals say nothing about now */
  dayStart: Date;
  now: Date;
}

/** More than the ±5 min the server clamps a pad's ratedAt to around its arrival */
const RATED_AT_SLACK_MS = 10 * 60_000;

const maxOf = (d: Date | null | undefined): d is Date => d instanceof Date;

export async function loadServiceSignals(prisma: PrismaClient, scope: ServiceSignalScope): Promise<Map<number, ServiceSignal[]>> {
  const { centerId, dayStart, now } = scope;
  const windows = scope.windowIds ? { windowId: { in: [...scope.windowIds] } } : {};
  const today = { gte: dayStart, lte: now };
  // Today's tickets and cases of the windows are few (tens per window a day): read whole, reduced here,
  // which costs fewer round trips than asking for each latest signal separately.
  const [tickets, cases, buttons, ratings] = await Promise.all([
    prisma.queueTicket.findMany({
      where: { centerId, ...windows, OR: [{ calledAt: today }, { startedAt: today }, { finishedAt: today }] },
      select: { windowId: true, calledAt: true, startedAt: true, finishedAt: true, noShow: true },
    }),
    prisma.case.findMany({ where: { centerId, ...windows, OR: [{ acceptedAt: today }, { completedAt: today }] }, select: { windowId: true, acceptedAt: true, completedAt: true } }),
    // Cancelled or not: the press itself said the service was over
    prisma.invitation.groupBy({ by: ["windowId"], where: { centerId, ...windows, source: "STAFF_BUTTON", createdAt: today }, _max: { createdAt: true } }),
    prisma.evaluation.findMany({
      // Arrival, not the pad's clock (which may run minutes ahead): the moment the server learnt it. The
      // bound on ratedAt (clamped to ±5 min of arrival) only lets the (windowId, ratedAt) index do the work.
      where: { centerId, ...windows, defaulted: false, invitationId: { not: null }, receivedAt: today, ratedAt: { gte: new Date(dayStart.getTime() - RATED_AT_SLACK_MS) } },
      orderBy: { receivedAt: "desc" },
      distinct: ["windowId"],
      select: { windowId: true, receivedAt: true, invitation: { select: { createdAt: true } } },
    }),
  ]);

  // Per window, the latest signal of each kind and source: earlier ones cannot change the outcome
  const latest = new Map<number, Map<string, ServiceSignal>>();
  const keep = (windowId: number | null, signal: ServiceSignal) => {
    if (windowId === null) return;
    const byKind = latest.get(windowId) ?? new Map<string, ServiceSignal>();
    const key = signal.kind === "RATED" ? signal.kind : `${signal.kind}:${signal.source}`;
    const prev = byKind.get(key);
    if (!prev || signal.at > prev.at) byKind.set(key, signal);
    latest.set(windowId, byKind);
  };
  for (const t of tickets) {
    // The window is busy from the call: the citizen is walking to it. A finished ticket's start is
    // followed by its own end, so only unfinished ones can be the service running now.
    const called = t.calledAt ?? t.startedAt;
    if (!t.finishedAt && !t.noShow && called && called >= dayStart && called <= now) keep(t.windowId, { kind: "START", at: called, source: "QUEUE_CALLED" });
    if (t.finishedAt && t.finishedAt >= dayStart && t.finishedAt <= now) keep(t.windowId, { kind: "END", at: t.finishedAt, source: t.noShow ? "QUEUE_NO_SHOW" : "QUEUE_FINISHED" });
  }
  for (const c of cases) {
    if (c.acceptedAt >= dayStart && c.acceptedAt <= now) keep(c.windowId, { kind: "START", at: c.acceptedAt, source: "CASE_ACCEPTED" });
    if (c.completedAt && c.completedAt >= dayStart && c.completedAt <= now) keep(c.windowId, { kind: "END", at: c.completedAt, source: "CASE_COMPLETED" });
  }
  for (const b of buttons) if (maxOf(b._max.createdAt)) keep(b.windowId, { kind: "END", at: b._max.createdAt, source: "FINISHED_BUTTON" });
  for (const r of ratings) if (r.invitation) keep(r.windowId, { kind: "RATED", at: r.receivedAt, invitedAt: r.invitation.createdAt });
  const signals = new Map<number, ServiceSignal[]>();
  for (const [windowId, byKind] of latest) signals.set(windowId, [...byKind.values()]);
  return signals;
}
