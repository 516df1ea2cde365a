// Recording an inspection at once from the tablet. The tablet generates the id before its first try
// and retries until it hears back, so a save that arrives twice (or twice at the same moment) is stored
// once and the retry is answered with the stored record; the same id with a different window or
// inspector is refused. Deductions come from the checklist version the form showed.
import type { CreateInspectionBody } from "../../contracts/inspections.ts";
import { AppError } from "../../errors.ts";
import { Prisma, type Inspection } from "../../generated/prisma/client.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { departmentsOfWindow } from "../alerts/raiseAlert.ts";
import { loadChecklist } from "./checklist.ts";
import { inspectionTime, scoreFindings } from "./inspectionRules.ts";

const invalid = (path: string, message: string, messageEn: string) => new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message, messageEn }] });

function sameRecord(existing: Inspection, actor: Actor, body: CreateInspectionBody): Inspection {
  if (existing.inspectorId !== actor.userId || existing.windowId !== body.windowId || existing.centerId !== actor.centerId) throw new AppError("INSPECTION_CONFLICT");
  return existing;
}

export async function recordInspection(services: Services, opts: { actor: Actor; auditActor: AuditActor; body: CreateInspectionBody }): Promise<{ inspection: Inspection; created: boolean }> {
  const { prisma, clock, events } = services;
  const { actor, body } = opts;
  const centerId = actor.centerId;
  if (centerId === null) throw new AppError("FORBIDDEN");
  const existing = await prisma.inspection.findUnique({ where: { clientId: body.id } });
  if (existing) return { inspection: sameRecord(existing, actor, body), created: false };

  const now = clock.now();
  const window = await prisma.window.findUnique({ where: { id: body.windowId }, select: { centerId: true, active: true } });
  if (!window || window.centerId !== centerId || !window.active) throw invalid("windowId", "窗口不存在或已停用", "No such active window");
  const checklist = await loadChecklist(prisma, centerId, body.checklistVersion);
  if (!checklist) throw invalid("checklistVersion", "督查清单版本不存在，请刷新页面", "No such checklist version; reload the page");
  const scored = scoreFindings(checklist.items, body.findings);
  if ("issues" in scored) throw new AppError("VALIDATION_FAILED", { issues: scored.issues });
  const at = inspectionTime(body.at, now);
  if (!at) throw new AppError("VALIDATION_FAILED", { issues: [{ path: "at", code: "out_of_range", message: "督查时间不合理（超过一天前或晚于当前时间）", messageEn: "The inspection time is more than a day old or in the future" }] });

  let staffId: number | null;
  if (body.staffId === undefined) {
    const onDuty = await prisma.shift.findFirst({ where: { windowId: body.windowId, endedAt: null }, select: { staffId: true } });
    staffId = onDuty?.staffId ?? null;
  } else if (body.staffId === null) staffId = null;
  else {
    const staff = await prisma.staff.findUnique({ where: { id: body.staffId }, select: { centerId: true } });
    if (!staff || staff.centerId !== centerId) throw invalid("staffId", "工作人员不存在", "No such staff member");
    staffId = body.staffId;
  }

  let inspection: Inspection;
  try {
    inspection = await prisma.$transaction(async (tx) => {
      const row = await tx.inspection.create({
        data: {
          clientId: body.id,
          centerId,
          windowId: body.windowId,
          staffId,
          inspectorId: actor.userId,
          checklistId: checklist.id,
          at,
          note: body.note ? body.note : null,
          totalDeduction: scored.total,
          createdAt: now,
          findings: { create: scored.findings.map((f) => ({ checkCode: f.code, passed: f.passed, deduction: f.deduction, note: f.note })) },
        },
      });
      await recordAudit(tx, opts.auditActor, { action: "record.inspection", entity: "Inspection", entityId: row.id, centerId, after: { ...row, findings: scored.findings } }, now);
      return row;
    });
  } catch (err) {
    // Two tries of the same save at once: the other one stored it
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const stored = await prisma.inspection.findUnique({ where: { clientId: body.id } });
      if (stored) return { inspection: sameRecord(stored, actor, body), created: false };
    }
    throw err;
  }
  events.emit("inspection.recorded", { centerId, departmentIds: await departmentsOfWindow(services, inspection.windowId), inspectionId: inspection.id, windowId: inspection.windowId, staffId, totalDeduction: inspection.totalDeduction });
  return { inspection, created: true };
}
