// One report of the queue-calling system, stored once by its eventId: it creates or advances the
// ticket (queueRules.ts), credits the staff member and item, and — when a service finishes — opens a
// rating invitation on the window's pad. A resent report is answered from the stored ticket.
import { createHash } from "node:crypto";
import type { QueueReport, QueueReportResult, QueueTicketDto } from "../../contracts/queue.ts";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { Prisma, type QueueTicket } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { shanghaiDate } from "../calendar/workingDays.ts";
import { createInvitation } from "../evaluations/createInvitation.ts";
import { applyQueueStep, ticketFigures, type StepOutcome } from "./queueRules.ts";

/** The queue machine's clock may run a little ahead; reports further in the future are refused. */
export const QUEUE_CLOCK_TOLERANCE_MS = 5 * 60_000;

type Step = Extract<StepOutcome, { ok: false }>["reason"];
const STEP_MESSAGES: Record<Step, { zh: string; en: string }> = {
  AFTER_END: { zh: "该号票已办结，不能再叫号或开始办理", en: "The ticket is finished; it cannot be called or started after that" },
  ALREADY_FINISHED: { zh: "该号票已办结或已过号", en: "The ticket is already finished or marked no-show" },
  NO_SHOW_AFTER_SERVICE: { zh: "该号票已开始办理，不能标记为过号", en: "Service of this ticket has started; it cannot be a no-show" },
  SERVICE_AFTER_NO_SHOW: { zh: "该号票已过号，不能再办理", en: "The ticket was marked no-show; it cannot be served" },
};

const badField = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { issues: [{ path, code: "custom", message: zh, messageEn: en }] });

/** A stable fingerprint of a report: the same eventId with other content is a different event. */
export function reportHash(report: QueueReport): string {
  const sorted = Object.fromEntries(Object.entries(report).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

export function presentTicket(t: QueueTicket & { window: { number: number } | null }): QueueTicketDto {
  return {
    ticketNo: t.ticketNo,
    serviceDate: t.serviceDate,
    windowNumber: t.window?.number ?? null,
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    startedAt: t.startedAt?.toISOString() ?? null,
    finishedAt: t.finishedAt?.toISOString() ?? null,
    noShow: t.noShow,
    waitSeconds: t.waitSeconds,
    serviceSeconds: t.serviceSeconds,
    invitationId: t.invitationId,
  };
}

const withWindow = { window: { select: { number: true } } } as const;

async function resolveRefs(tx: Tx, centerId: number, report: QueueReport, at: Date) {
  let windowId: number | null = null;
  let staffId: number | null = null;
  let itemId: number | null = null;
  if (report.kind !== "ISSUED") {
    const window = await tx.window.findUnique({ where: { centerId_number: { centerId, number: report.window } }, select: { id: true, active: true } });
    if (!window || !window.active) throw new AppError("QUEUE_UNKNOWN_WINDOW");
    windowId = window.id;
  }
  if ("staffNo" in report && report.staffNo) {
    const staff = await tx.staff.findUnique({ where: { centerId_staffNo: { centerId, staffNo: report.staffNo } }, select: { id: true } });
    if (!staff) throw new AppError("QUEUE_UNKNOWN_STAFF");
    staffId = staff.id;
  } else if (windowId !== null) {
    // The queue machine does not know who sits there; whoever is signed in at the window is credited.
    const shift = await tx.shift.findFirst({ where: { windowId, startedAt: { lte: at }, endedAt: null }, select: { staffId: true } });
    staffId = shift?.staffId ?? null;
  }
  const itemCode = "itemCode" in report ? report.itemCode : undefined;
  if (itemCode) {
    const item = await tx.serviceItem.findFirst({ where: { centerId, code: itemCode }, select: { id: true } });
    if (!item) throw new AppError("QUEUE_UNKNOWN_ITEM");
    itemId = item.id;
  }
  return { windowId, staffId, itemId };
}

interface Applied {
  ticket: QueueTicket & { window: { number: number } | null };
  duplicate: boolean;
  /** Windows whose tile changed (the ticket may have moved from one window to another) */
  windowIds: number[];
  invite: boolean;
}

async function applyReport(services: Services, opts: { centerId: number; apiKeyId: number; report: QueueReport }): Promise<Applied> {
  const { report, centerId } = opts;
  const now = services.clock.now();
  const issuedAt = new Date(report.issuedAt);
  const at = report.kind === "ISSUED" ? issuedAt : new Date(report.at);
  if (issuedAt.getTime() > now.getTime() + QUEUE_CLOCK_TOLERANCE_MS) throw badField("issuedAt", "取号时间晚于当前时间", "issuedAt is in the future");
  if (at.getTime() > now.getTime() + QUEUE_CLOCK_TOLERANCE_MS) throw badField("at", "事件时间晚于当前时间", "at is in the future");
  if (at < issuedAt) throw badField("at", "事件时间早于取号时间", "at is before issuedAt");
  const payloadHash = reportHash(report);

  return services.prisma.$transaction(async (tx) => {
    const seen = await tx.queueEvent.findUnique({ where: { centerId_eventId: { centerId, eventId: report.eventId } }, include: { ticket: { include: withWindow } } });
    if (seen) {
      if (seen.payloadHash !== payloadHash) throw new AppError("QUEUE_EVENT_CONFLICT");
      return { ticket: seen.ticket, duplicate: true, windowIds: [], invite: false };
    }
    const refs = await resolveRefs(tx, centerId, report, at);
    const serviceDate = shanghaiDate(issuedAt);
    const key = { centerId_serviceDate_ticketNo: { centerId, serviceDate, ticketNo: report.ticketNo } };
    let ticket = await tx.queueTicket.findUnique({ where: key });
    if (ticket && ticket.issuedAt.getTime() !== issuedAt.getTime()) {
      throw new AppError("QUEUE_ILLEGAL_STEP", { message: "今天已有同号但取号时间不同的号票", messageEn: "Another ticket with this number was issued today at a different time" });
    }
    ticket ??= await tx.queueTicket.create({ data: { centerId, ticketNo: report.ticketNo, serviceDate, issuedAt, itemId: refs.itemId } });
    const before = ticket.windowId;
    if (report.kind !== "ISSUED" && refs.windowId !== null) {
      const outcome = applyQueueStep(ticket, { kind: report.kind, at, windowId: refs.windowId });
      if (!outcome.ok) throw new AppError("QUEUE_ILLEGAL_STEP", { message: STEP_MESSAGES[outcome.reason].zh, messageEn: STEP_MESSAGES[outcome.reason].en });
      const figures = ticketFigures(outcome.facts);
      ticket = await tx.queueTicket.update({
        where: { id: ticket.id },
        data: {
          windowId: outcome.facts.windowId,
          calledAt: outcome.facts.calledAt,
          startedAt: outcome.facts.startedAt,
          finishedAt: outcome.facts.finishedAt,
          noShow: outcome.facts.noShow,
          ...figures,
          ...(refs.staffId !== null ? { staffId: refs.staffId } : {}),
          ...(refs.itemId !== null ? { itemId: refs.itemId } : {}),
        },
      });
    }
    await tx.queueEvent.create({
      data: { centerId, eventId: report.eventId, kind: report.kind, ticketId: ticket.id, windowId: refs.windowId, staffId: refs.staffId, at, receivedAt: now, payloadHash, apiKeyId: opts.apiKeyId },
    });
    await tx.queueApiKey.update({ where: { id: opts.apiKeyId }, data: { lastUsedAt: now } });
    const stored = await tx.queueTicket.findUniqueOrThrow({ where: { id: ticket.id }, include: withWindow });
    const windowIds = [...new Set([before, stored.windowId].filter((w): w is number => w !== null))];
    return { ticket: stored, duplicate: false, windowIds, invite: report.kind === "FINISHED" && report.invite && stored.windowId !== null };
  });
}

export async function recordQueueReport(services: Services, opts: { centerId: number; apiKeyId: number; report: QueueReport }): Promise<QueueReportResult> {
  let applied: Applied;
  try {
    applied = await applyReport(services, opts);
  } catch (err) {
    // The same report sent twice at once: the other request stored it; answer as a resend.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") applied = await applyReport(services, opts);
    else throw err;
  }
  let ticket = applied.ticket;
  if (applied.invite && ticket.windowId !== null) {
    const invitation = await createInvitation(services, {
      centerId: opts.centerId,
      windowId: ticket.windowId,
      staffId: ticket.staffId,
      ...(ticket.itemId !== null ? { itemId: ticket.itemId } : {}),
      source: "QUEUE",
      auditActor: { userId: null, role: "DEVICE", centerId: opts.centerId },
    });
    ticket = await services.prisma.queueTicket.update({ where: { id: ticket.id }, data: { invitationId: invitation.id }, include: withWindow });
  }
  for (const windowId of applied.windowIds) services.events.emit("window.changed", { centerId: opts.centerId, windowId });
  return { eventId: opts.report.eventId, duplicate: applied.duplicate, ticket: presentTicket(ticket) };
}
