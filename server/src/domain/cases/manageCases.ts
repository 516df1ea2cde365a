// Accepting a case (受理) and moving it through its lifecycle. Each use case owns its transaction and
// writes the CaseTransition, the citizen's SMS (outbox) and the audit entry in it; events and the
// rating invitation follow the commit.
import type { AcceptCaseBody, CaseActionBody } from "../../contracts/cases.ts";
import { acceptCaseBodySchema } from "../../contracts/cases.ts";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Case } from "../../generated/prisma/client.ts";
import { cipherFor, maskCitizenId } from "../../lib/crypto.ts";
import type { Actor } from "../../policies/actor.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { loadCenterContext } from "../calendar/centerContext.ts";
import { shanghaiDate } from "../calendar/workingDays.ts";
import { createInvitation } from "../evaluations/createInvitation.ts";
import { enqueueSms } from "../notifications/outbox.ts";
import { openRatingLink } from "../ratingLinks/openRatingLink.ts";
import { findOpenShift } from "../shifts/manageShifts.ts";
import { acceptedSnapshot, applyCaseAction, type CaseSnapshot } from "./caseStateMachine.ts";

/** A second acceptance of the same citizen's same item at the same window within this time is a double submit. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

const auditView = (c: Case) => ({
  caseNo: c.caseNo,
  state: c.state,
  itemId: c.itemId,
  windowId: c.windowId,
  handledById: c.handledById,
  dueAt: c.dueAt,
  suspendedDays: c.suspendedDays,
  rejectedReason: c.rejectedReason,
});

/** Readable and unique in the center: the Shanghai date and a daily sequence, e.g. 2026112300017. */
async function nextCaseNo(tx: Tx, centerId: number, at: Date): Promise<string> {
  const prefix = shanghaiDate(at).replaceAll("-", "");
  const last = await tx.case.findFirst({ where: { centerId, caseNo: { startsWith: prefix } }, orderBy: { caseNo: "desc" }, select: { caseNo: true } });
  const seq = last ? Number(last.caseNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(5, "0")}`;
}

/** Raises one admin alert per unknown year: deadlines there count its holidays as working days. */
async function alertUnknownYear(tx: Tx, centerId: number, dueAt: Date, now: Date): Promise<void> {
  const year = Number(shanghaiDate(dueAt).slice(0, 4));
  const sourceKey = `calendar:${centerId}:year:${year}`;
  if (await tx.alert.findUnique({ where: { sourceKey }, select: { id: true } })) return;
  await tx.alert.create({
    data: {
      centerId,
      sourceKey,
      kind: "CALENDAR_YEAR_UNKNOWN",
      severity: "YELLOW",
      message: `办件期限已进入 ${year} 年，但系统尚未录入该年法定节假日安排，请管理员尽快录入国务院办公厅公布的放假安排。`,
      createdAt: now,
    },
  });
}

export async function acceptCase(services: Services, opts: { actor: Actor; auditActor: AuditActor; body: AcceptCaseBody }): Promise<Case> {
  const { prisma, clock } = services;
  const body = acceptCaseBodySchema.parse(opts.body);
  const staffId = opts.actor.staffId;
  const centerId = opts.actor.centerId;
  if (staffId === null || centerId === null) throw new AppError("FORBIDDEN");

  const window = await prisma.window.findUnique({ where: { id: body.windowId }, include: { staff: { where: { staffId } } } });
  if (!window || window.centerId !== centerId) throw new AppError("NOT_FOUND");
  // A case is accepted by whoever is signed in at the window: a cover (代班) signed in there may,
  // an assigned colleague who is not signed in may not (the shift is the statement of presence).
  const shift = await findOpenShift(prisma, staffId);
  if (shift?.windowId !== window.id) throw new AppError(window.staff.length === 0 ? "WINDOW_NOT_ASSIGNED" : "CASE_NOT_ON_SHIFT");
  const item = await prisma.serviceItem.findUnique({ where: { id: body.itemId }, include: { windows: { where: { windowId: window.id } } } });
  if (!item || item.centerId !== centerId || !item.active) throw new AppError("ITEM_UNKNOWN");
  if (item.windows.length === 0) throw new AppError("ITEM_NOT_SERVED");

  const now = clock.now();
  const citizenIdMasked = maskCitizenId(body.citizenId);
  const recent = await prisma.case.findFirst({
    where: { centerId, windowId: window.id, itemId: item.id, citizenIdMasked, citizenName: body.citizenName, acceptedAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) } },
    select: { id: true },
  });
  if (recent) throw new AppError("CASE_DUPLICATE");

  const { settings, calendar } = await loadCenterContext(prisma, centerId);
  const snap = acceptedSnapshot(calendar, { acceptedAt: now, promisedLimitDays: item.promisedLimitDays, statutoryLimitDays: item.statutoryLimitDays, closesAt: settings.closesAt });
  const cipher = cipherFor(services.config);

  const created = await prisma.$transaction(async (tx) => {
    const caseNo = await nextCaseNo(tx, centerId, now);
    const row = await tx.case.create({
      data: {
        centerId,
        caseNo,
        itemId: item.id,
        departmentId: item.departmentId,
        windowId: window.id,
        acceptedById: staffId,
        handledById: staffId,
        citizenName: body.citizenName,
        citizenIdMasked,
        citizenIdEnc: cipher.encrypt(body.citizenId),
        citizenPhoneEnc: cipher.encrypt(body.citizenPhone),
        citizenPhoneLast4: body.citizenPhone.slice(-4),
        channel: body.channel,
        state: "ACCEPTED",
        acceptedAt: now,
        dueAt: snap.dueAt,
        statutoryDueAt: snap.statutoryDueAt,
        promisedLimitDays: item.promisedLimitDays,
        statutoryLimitDays: item.statutoryLimitDays,
      },
    });
    await tx.caseTransition.create({ data: { caseId: row.id, fromState: null, toState: "ACCEPTED", actorId: opts.actor.userId, at: now } });
    if (snap.beyondKnownYears) await alertUnknownYear(tx, centerId, snap.statutoryDueAt, now);
    await enqueueSms(tx, services, {
      centerId,
      phoneEnc: row.citizenPhoneEnc,
      template: "CASE_ACCEPTED",
      payload: { caseNo, itemName: item.name, dueDate: shanghaiDate(row.dueAt) },
      dedupeKey: `case:${row.id}:accepted`,
      now,
    });
    await recordAudit(tx, opts.auditActor, { action: "accept.case", entity: "Case", entityId: row.id, centerId, after: auditView(row) }, now);
    return row;
  });

  services.events.emit("case.changed", { centerId, departmentIds: [created.departmentId], caseId: created.id, caseNo: created.caseNo, state: created.state, warning: created.warning });
  await inviteRating(services, created, "CASE_ACCEPT", opts.auditActor);
  return created;
}

/** A rating invitation on the window's pad; a failure there must not undo the case. */
async function inviteRating(services: Services, c: Case, source: "CASE_ACCEPT" | "CASE_COMPLETE", auditActor: AuditActor): Promise<void> {
  try {
    await createInvitation(services, { centerId: c.centerId, windowId: c.windowId, staffId: c.handledById, caseId: c.id, itemId: c.itemId, source, auditActor });
  } catch (err) {
    services.logger.warn({ err, caseId: c.id }, "rating invitation not opened");
  }
}

async function snapshotOf(tx: Tx, c: Case): Promise<CaseSnapshot> {
  const last = await tx.caseTransition.findFirst({ where: { caseId: c.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  return {
    state: c.state,
    acceptedAt: c.acceptedAt,
    promisedLimitDays: c.promisedLimitDays,
    statutoryLimitDays: c.statutoryLimitDays,
    suspendedDays: c.suspendedDays,
    dueAt: c.dueAt,
    statutoryDueAt: c.statutoryDueAt,
    suspendedSince: c.state === "SUSPENDED" && last?.toState === "SUSPENDED" ? last.at : null,
    completedAt: c.completedAt,
    rejectedReason: c.rejectedReason,
    lastAt: last?.at ?? c.acceptedAt,
  };
}

const SMS_FOR_ACTION = { suspend: "CASE_SUSPENDED", complete: "CASE_COMPLETED" } as const;

export async function advanceCase(services: Services, opts: { actor: Actor; auditActor: AuditActor; caseId: number; body: CaseActionBody }): Promise<Case> {
  const { prisma, clock } = services;
  const now = clock.now();
  const current = await prisma.case.findUnique({ where: { id: opts.caseId } });
  if (!current) throw new AppError("NOT_FOUND");
  const { settings, calendar } = await loadCenterContext(prisma, current.centerId);

  const updated = await prisma.$transaction(async (tx) => {
    // Re-read inside the transaction: two clicks on two tabs must not both apply.
    const c = await tx.case.findUniqueOrThrow({ where: { id: opts.caseId } });
    const step = applyCaseAction(calendar, await snapshotOf(tx, c), opts.body.action, { at: now, reason: opts.body.reason, closesAt: settings.closesAt });
    if (!step.ok) throw new AppError(step.error);
    const next = step.next;
    const row = await tx.case.update({
      where: { id: c.id, state: c.state },
      data: {
        state: next.state,
        dueAt: next.dueAt,
        statutoryDueAt: next.statutoryDueAt,
        suspendedDays: next.suspendedDays,
        completedAt: next.completedAt,
        rejectedReason: next.rejectedReason,
        // A resumed case whose deadline moved is judged afresh by the deadline job.
        ...(opts.body.action === "resume" && c.warning !== "NONE" && next.dueAt.getTime() > now.getTime() ? { warning: "NONE" } : {}),
      },
    });
    await tx.caseTransition.create({
      data: {
        caseId: c.id,
        fromState: c.state,
        toState: next.state,
        actorId: opts.actor.userId,
        at: now,
        reason: opts.body.reason?.trim() || null,
        ...(step.pausedDays ? { data: { pausedWorkingDays: step.pausedDays } } : {}),
      },
    });
    const template = opts.body.action === "suspend" || opts.body.action === "complete" ? SMS_FOR_ACTION[opts.body.action] : null;
    if (template) {
      const count = await tx.caseTransition.count({ where: { caseId: c.id, toState: next.state } });
      // The completion SMS carries a one-time rating link (#6) when one could be opened
      const link =
        opts.body.action === "complete"
          ? await openRatingLink(tx, services, { caseId: c.id, centerId: c.centerId, phoneEnc: c.citizenPhoneEnc, completedAt: now, days: settings.ratingLinkDays })
          : null;
      await enqueueSms(tx, services, {
        centerId: c.centerId,
        phoneEnc: c.citizenPhoneEnc,
        template: link ? "CASE_COMPLETED_RATE" : template,
        payload: { caseNo: c.caseNo, reason: opts.body.reason?.trim() ?? "", ...link?.smsPayload },
        dedupeKey: `case:${c.id}:${opts.body.action}:${count}`,
        now,
      });
    }
    await recordAudit(tx, opts.auditActor, { action: `${opts.body.action}.case`, entity: "Case", entityId: c.id, centerId: c.centerId, before: auditView(c), after: auditView(row) }, now);
    return row;
  });

  services.events.emit("case.changed", { centerId: updated.centerId, departmentIds: [updated.departmentId], caseId: updated.id, caseNo: updated.caseNo, state: updated.state, warning: updated.warning });
  if (opts.body.action === "complete") await inviteRating(services, updated, "CASE_COMPLETE", opts.auditActor);
  return updated;
}
