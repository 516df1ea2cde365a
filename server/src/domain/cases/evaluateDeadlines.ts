// The deadline sweep: every open, running case is judged against now — yellow within the center's
// warning window, red once overdue. It is state-based, so one run after downtime catches up on every
// missed tick, and running it twice changes nothing. A warning never goes back down here (a clock
// moved backwards does not un-warn); only resuming a suspended case resets it.
import type { Services } from "../../services.ts";
import { proposeAutomatically, SYSTEM_ACTOR } from "../accountability/manageAccountability.ts";
import { recordAudit } from "../audit/recordAudit.ts";
import { loadCenterContext } from "../calendar/centerContext.ts";
import { shanghaiDate, urgencyOf } from "../calendar/workingDays.ts";
import { enqueueSms } from "../notifications/outbox.ts";

const RANK = { NONE: 0, YELLOW: 1, RED: 2 } as const;

export interface DeadlineSweep {
  yellow: number;
  red: number;
  proposed: number;
}

export async function evaluateDeadlines(services: Services, opts: { centerId?: number } = {}): Promise<DeadlineSweep> {
  const { prisma, clock, events } = services;
  const now = clock.now();
  const centers = await prisma.center.findMany({ where: { active: true, ...(opts.centerId ? { id: opts.centerId } : {}) }, select: { id: true } });
  const result: DeadlineSweep = { yellow: 0, red: 0, proposed: 0 };
  for (const { id: centerId } of centers) {
    const { settings, calendar } = await loadCenterContext(prisma, centerId);
    const open = await prisma.case.findMany({
      where: { centerId, state: { in: ["ACCEPTED", "IN_PROGRESS"] }, warning: { not: "RED" } },
      include: { item: { select: { name: true } } },
    });
    for (const c of open) {
      const level = urgencyOf(calendar, now, c.dueAt, settings.warnWorkingDaysBefore);
      if (level === "NONE" || RANK[level] <= RANK[c.warning]) continue;
      const proposal = await prisma.$transaction(async (tx) => {
        const updated = await tx.case.updateMany({ where: { id: c.id, warning: c.warning, state: c.state }, data: { warning: level } });
        if (updated.count === 0) return null; // changed meanwhile: the next sweep judges it again
        const actor = { ...SYSTEM_ACTOR, centerId };
        await recordAudit(tx, actor, { action: "warn.case", entity: "Case", entityId: c.id, centerId, before: { warning: c.warning }, after: { warning: level } }, now);
        const sourceKey = `case:${c.id}:${level.toLowerCase()}`;
        if (!(await tx.alert.findUnique({ where: { sourceKey }, select: { id: true } }))) {
          await tx.alert.create({
            data: {
              centerId,
              sourceKey,
              kind: level === "RED" ? "CASE_OVERDUE" : "CASE_NEAR_DEADLINE",
              severity: level,
              windowId: c.windowId,
              staffId: c.handledById,
              subjectId: String(c.id),
              message: level === "RED" ? `办件 ${c.caseNo}（${c.item.name}）已超期` : `办件 ${c.caseNo}（${c.item.name}）临近办结期限 ${shanghaiDate(c.dueAt)}`,
              createdAt: now,
            },
          });
        }
        if (level !== "RED") return null;
        await enqueueSms(tx, services, { centerId, phoneEnc: c.citizenPhoneEnc, template: "CASE_OVERDUE", payload: { caseNo: c.caseNo }, dedupeKey: `case:${c.id}:overdue`, now });
        return proposeAutomatically(
          tx,
          {
            centerId,
            sourceKey: `case:${c.id}:overdue`,
            kind: "SLOW_ACTION",
            source: "AUTO_OVERDUE_CASE",
            staffId: c.handledById,
            windowId: c.windowId,
            caseId: c.id,
            description: `办件 ${c.caseNo}（${c.item.name}）超过承诺时限未办结（期限 ${shanghaiDate(c.dueAt)}）`,
            occurredAt: c.dueAt,
          },
          now,
        );
      });
      if (level === "RED") result.red++;
      else result.yellow++;
      events.emit("case.warning", { centerId, departmentIds: [c.departmentId], caseId: c.id, caseNo: c.caseNo, level, dueAt: c.dueAt.toISOString(), staffId: c.handledById });
      if (proposal) {
        result.proposed++;
        events.emit("accountability.proposed", { centerId, departmentIds: [c.departmentId], recordId: proposal.id, kind: proposal.kind, staffId: proposal.staffId });
      }
    }
  }
  return result;
}
