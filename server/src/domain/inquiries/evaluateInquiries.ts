// The inquiry sweep: an inquiry still open after the center's end-of-day time (inquiryWarnAt) of the
// working day it was asked on warns its first staff member (once); one still open
// inquiryInactionWorkingDays working days later, past that time, proposes an inaction (不作为) record
// against them. Both thresholds are center settings. State-based and idempotent like the deadline
// sweep.
import type { Services } from "../../services.ts";
import { proposeAutomatically, SYSTEM_ACTOR } from "../accountability/manageAccountability.ts";
import { recordAudit } from "../audit/recordAudit.ts";
import { loadCenterContext } from "../calendar/centerContext.ts";
import { shanghaiDate, shanghaiInstant, workingDaysBetween } from "../calendar/workingDays.ts";

export async function evaluateInquiries(services: Services, opts: { centerId?: number } = {}): Promise<{ warned: number; proposed: number }> {
  const { prisma, clock, events } = services;
  const now = clock.now();
  const today = shanghaiDate(now);
  const result = { warned: 0, proposed: 0 };
  const centers = await prisma.center.findMany({ where: { active: true, ...(opts.centerId ? { id: opts.centerId } : {}) }, select: { id: true } });
  for (const { id: centerId } of centers) {
    const { settings, calendar } = await loadCenterContext(prisma, centerId);
    const open = await prisma.inquiry.findMany({ where: { centerId, state: { not: "CLOSED" } } });
    for (const inquiry of open) {
      const askedOn = shanghaiDate(inquiry.openedAt);
      if (now.getTime() <= shanghaiInstant(askedOn, settings.inquiryWarnAt).getTime()) continue;
      const actor = { ...SYSTEM_ACTOR, centerId };
      if (!inquiry.warnedAt) {
        const changed = await prisma.$transaction(async (tx) => {
          const upd = await tx.inquiry.updateMany({ where: { id: inquiry.id, warnedAt: null }, data: { warnedAt: now } });
          if (upd.count === 0) return false;
          const sourceKey = `inquiry:${inquiry.id}:unclosed`;
          if (!(await tx.alert.findUnique({ where: { sourceKey }, select: { id: true } }))) {
            await tx.alert.create({
              data: { centerId, sourceKey, kind: "INQUIRY_UNCLOSED", severity: "YELLOW", windowId: inquiry.windowId, staffId: inquiry.firstStaffId, subjectId: String(inquiry.id), message: `首问咨询「${inquiry.topic}」当日未办结`, createdAt: now },
            });
          }
          await recordAudit(tx, actor, { action: "warn.inquiry", entity: "Inquiry", entityId: inquiry.id, centerId, after: { warnedAt: now } }, now);
          return true;
        });
        if (changed) {
          result.warned++;
          events.emit("inquiry.warning", { centerId, inquiryId: inquiry.id, staffId: inquiry.firstStaffId, windowId: inquiry.windowId });
        }
      }
      const lateDays = workingDaysBetween(calendar, askedOn, today);
      const pastWarnTime = now.getTime() > shanghaiInstant(today, settings.inquiryWarnAt).getTime();
      const limit = settings.inquiryInactionWorkingDays;
      if (lateDays > limit || (lateDays === limit && pastWarnTime)) {
        const record = await prisma.$transaction((tx) =>
          proposeAutomatically(
            tx,
            {
              centerId,
              sourceKey: `inquiry:${inquiry.id}:inaction`,
              kind: "INACTION",
              source: "AUTO_UNCLOSED_INQUIRY",
              staffId: inquiry.firstStaffId,
              windowId: inquiry.windowId,
              inquiryId: inquiry.id,
              description: `首问咨询「${inquiry.topic}」超过 ${limit} 个工作日未办结`,
              occurredAt: now,
            },
            now,
          ),
        );
        if (record) {
          result.proposed++;
          const staff = await prisma.staff.findUnique({ where: { id: record.staffId }, select: { departmentId: true } });
          events.emit("accountability.proposed", { centerId, departmentIds: staff ? [staff.departmentId] : [], recordId: record.id, kind: record.kind, staffId: record.staffId });
        }
      }
    }
  }
  return result;
}
