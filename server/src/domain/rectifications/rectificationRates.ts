// The loop's reported figures (the rules expect 100 % of both): the callback rate and the on-time rate of
// the bad reviews rated in a period, for a hall, a department, a window or a staff member.
//
// - callback rate = tickets whose citizen was reached on the callback / tickets whose callback is recorded
//   (reached or not). A ticket still before its callback is pending, not missed.
// - on-time rate = tickets closed with no step ever overdue / tickets settled either way (closed, or
//   already late). A ticket still open and within its deadline is pending.
// Rates are null when nothing is settled yet (no 0 % for an empty period).
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";

export interface RectificationRateScope {
  windowId?: number;
  /** The owner (the staff member rated) */
  staffId?: number;
  /** Stationed at the rated window, or the owner's department */
  departmentId?: number;
}

export interface RectificationRates {
  /** Bad reviews (tickets) rated in the period */
  opened: number;
  closed: number;
  /** Callback recorded (reached or not) */
  callbacksRecorded: number;
  callbacksReached: number;
  /** Closed with no step ever overdue */
  onTime: number;
  /** Some step missed its due time (open or closed) */
  late: number;
  callbackRate: number | null;
  onTimeRate: number | null;
}

export interface RateFacts {
  closedAt: Date | null;
  stepDueAt: Date;
  overdueAt: Date | null;
  callbackReached: boolean | null;
}

/** Pure: the figures of a set of tickets, as read at `now`. */
export function ratesOf(rows: readonly RateFacts[], now: Date): RectificationRates {
  const r = { opened: rows.length, closed: 0, callbacksRecorded: 0, callbacksReached: 0, onTime: 0, late: 0 };
  for (const t of rows) {
    if (t.closedAt) r.closed++;
    if (t.callbackReached !== null) r.callbacksRecorded++;
    if (t.callbackReached === true) r.callbacksReached++;
    const late = t.overdueAt !== null || (t.closedAt ? t.closedAt > t.stepDueAt : now > t.stepDueAt);
    if (late) r.late++;
    else if (t.closedAt) r.onTime++;
  }
  return {
    ...r,
    callbackRate: r.callbacksRecorded === 0 ? null : r.callbacksReached / r.callbacksRecorded,
    onTimeRate: r.onTime + r.late === 0 ? null : r.onTime / (r.onTime + r.late),
  };
}

/** Tickets of bad reviews rated in [from, to) at a center, within the scope. */
export async function rectificationRates(services: Services, centerId: number, from: Date, to: Date, scope: RectificationRateScope = {}): Promise<RectificationRates> {
  const where: Prisma.RectificationWhereInput = {
    centerId,
    evaluation: { ratedAt: { gte: from, lt: to }, ...(scope.windowId ? { windowId: scope.windowId } : {}) },
    ...(scope.staffId ? { ownerStaffId: scope.staffId } : {}),
    ...(scope.departmentId
      ? { OR: [{ owner: { departmentId: scope.departmentId } }, { evaluation: { window: { departments: { some: { departmentId: scope.departmentId } } } } }] }
      : {}),
  };
  const rows = await services.prisma.rectification.findMany({ where, select: { closedAt: true, stepDueAt: true, overdueAt: true, callbackReached: true } });
  return ratesOf(rows, services.clock.now());
}
