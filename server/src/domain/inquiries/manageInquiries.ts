// First-inquiry responsibility (首问责任制): the staff member first asked registers the inquiry and
// owns it until it is closed — answered on the spot, or handed to another window/staff member who
// must acknowledge. Each step is audited in its own transaction.
import type { HandOverInquiryBody, RegisterInquiryBody } from "../../contracts/inquiries.ts";
import { registerInquiryBodySchema } from "../../contracts/inquiries.ts";
import { AppError } from "../../errors.ts";
import type { Inquiry } from "../../generated/prisma/client.ts";
import { cipherFor } from "../../lib/crypto.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

const invalid = (path: string, zh: string, en: string) => new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message: zh, messageEn: en }] });

export async function registerInquiry(services: Services, opts: { actor: Actor; auditActor: AuditActor; body: RegisterInquiryBody }): Promise<Inquiry> {
  const { prisma, clock } = services;
  const body = registerInquiryBodySchema.parse(opts.body);
  const { staffId, centerId } = opts.actor;
  if (staffId === null || centerId === null) throw new AppError("FORBIDDEN");
  const window = await prisma.window.findUnique({ where: { id: body.windowId }, include: { staff: { where: { staffId } } } });
  if (!window || window.centerId !== centerId) throw invalid("windowId", "窗口不存在", "No such window");
  if (window.staff.length === 0) throw new AppError("WINDOW_NOT_ASSIGNED");
  if (body.itemId) {
    const item = await prisma.serviceItem.findUnique({ where: { id: body.itemId } });
    if (!item || item.centerId !== centerId) throw new AppError("ITEM_UNKNOWN");
  }
  const now = clock.now();
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.inquiry.create({
      data: {
        centerId,
        windowId: window.id,
        firstStaffId: staffId,
        askerName: body.askerName ?? null,
        askerPhoneEnc: body.askerPhone ? cipherFor(services.config).encrypt(body.askerPhone) : null,
        topic: body.topic,
        itemId: body.itemId ?? null,
        state: body.answeredOnSpot ? "CLOSED" : "OPEN",
        openedAt: now,
        closedAt: body.answeredOnSpot ? now : null,
        outcome: body.answeredOnSpot ? (body.outcome ?? null) : null,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "register.inquiry", entity: "Inquiry", entityId: row.id, centerId, after: { ...row, askerPhoneEnc: undefined } }, now);
    return row;
  });
  services.events.emit("inquiry.changed", { centerId, inquiryId: created.id, state: created.state });
  return created;
}

export async function handOverInquiry(services: Services, opts: { actor: Actor; auditActor: AuditActor; inquiryId: number; body: HandOverInquiryBody }): Promise<Inquiry> {
  const { prisma, clock } = services;
  const now = clock.now();
  const target = await prisma.window.findUnique({ where: { id: opts.body.toWindowId }, include: { staff: true } });
  const inquiry = await prisma.inquiry.findUniqueOrThrow({ where: { id: opts.inquiryId } });
  if (!target || target.centerId !== inquiry.centerId) throw invalid("toWindowId", "窗口不存在", "No such window");
  if (opts.body.toStaffId !== undefined && !target.staff.some((s) => s.staffId === opts.body.toStaffId)) {
    throw invalid("toStaffId", "该工作人员不在此窗口", "That staff member does not work at this window");
  }
  const updated = await prisma.$transaction(async (tx) => {
    const current = await tx.inquiry.findUniqueOrThrow({ where: { id: opts.inquiryId }, include: { handovers: { orderBy: { id: "desc" }, take: 1 } } });
    if (current.state === "CLOSED") throw new AppError("INQUIRY_CLOSED");
    const last = current.handovers[0];
    if (last && last.acknowledgedAt === null) throw new AppError("INQUIRY_NOT_ACKNOWLEDGED");
    const handover = await tx.inquiryHandover.create({
      data: { inquiryId: current.id, fromStaffId: opts.actor.staffId!, toStaffId: opts.body.toStaffId ?? null, toWindowId: target.id, at: now, note: opts.body.note ?? null },
    });
    const row = await tx.inquiry.update({ where: { id: current.id }, data: { state: "HANDED_OVER" } });
    await recordAudit(tx, opts.auditActor, { action: "handover.inquiry", entity: "Inquiry", entityId: row.id, centerId: row.centerId, before: { state: current.state }, after: { state: row.state, handover } }, now);
    return row;
  });
  services.events.emit("inquiry.changed", { centerId: updated.centerId, inquiryId: updated.id, state: updated.state, toWindowId: target.id });
  return updated;
}

/** The receiver (the named staff member, or anyone at the named window) confirms taking it on. */
export async function acknowledgeHandover(services: Services, opts: { actor: Actor; auditActor: AuditActor; inquiryId: number; actorWindowIds: readonly number[] }): Promise<Inquiry> {
  const { prisma, clock } = services;
  const now = clock.now();
  const updated = await prisma.$transaction(async (tx) => {
    const current = await tx.inquiry.findUniqueOrThrow({ where: { id: opts.inquiryId }, include: { handovers: { orderBy: { id: "desc" }, take: 1 } } });
    if (current.state === "CLOSED") throw new AppError("INQUIRY_CLOSED");
    const last = current.handovers[0];
    const mine = last && (last.toStaffId === opts.actor.staffId || (last.toStaffId === null && opts.actorWindowIds.includes(last.toWindowId)));
    if (!last || last.acknowledgedAt !== null || !mine) throw new AppError("INQUIRY_NOTHING_TO_ACKNOWLEDGE");
    await tx.inquiryHandover.update({ where: { id: last.id }, data: { acknowledgedAt: now, ...(last.toStaffId === null ? { toStaffId: opts.actor.staffId } : {}) } });
    await recordAudit(tx, opts.auditActor, { action: "acknowledge.inquiry", entity: "Inquiry", entityId: current.id, centerId: current.centerId, after: { handoverId: last.id, acknowledgedBy: opts.actor.staffId } }, now);
    return current;
  });
  services.events.emit("inquiry.changed", { centerId: updated.centerId, inquiryId: updated.id, state: updated.state });
  return updated;
}

export async function closeInquiry(services: Services, opts: { auditActor: AuditActor; inquiryId: number; outcome: string }): Promise<Inquiry> {
  const { prisma, clock } = services;
  const now = clock.now();
  const updated = await prisma.$transaction(async (tx) => {
    const current = await tx.inquiry.findUniqueOrThrow({ where: { id: opts.inquiryId } });
    if (current.state === "CLOSED") throw new AppError("INQUIRY_CLOSED");
    const row = await tx.inquiry.update({ where: { id: current.id, state: current.state }, data: { state: "CLOSED", closedAt: now, outcome: opts.outcome } });
    await recordAudit(tx, opts.auditActor, { action: "close.inquiry", entity: "Inquiry", entityId: row.id, centerId: row.centerId, before: { state: current.state }, after: { state: row.state, outcome: row.outcome } }, now);
    return row;
  });
  services.events.emit("inquiry.changed", { centerId: updated.centerId, inquiryId: updated.id, state: updated.state });
  return updated;
}
