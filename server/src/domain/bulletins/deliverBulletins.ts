// The bulletin mail dispatcher: every scheduler tick (and right after a release, resend or retry) it
// sends the PENDING deliveries that are due, each carrying its bulletin's archived PDF bytes. A failed
// attempt is retried with backoff (1, 2, 4, 8 minutes, as the SMS outbox); after MAX_ATTEMPTS it is
// FAILED — listed in /api/bulletins/deliveries — until a leader, supervisor or administrator retries
// it. Each attempt is logged with its outcome. A delivery is claimed before sending (its nextAttemptAt
// pushed ahead), so two dispatchers — a tick and a kick, or two nodes — never send the same one twice.
import type { BulletinDelivery } from "../../generated/prisma/client.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { backoffMs, MAX_ATTEMPTS } from "../notifications/outbox.ts";
import { composeBulletinMail } from "./bulletinMail.ts";
import { trackBulletinWork } from "./bulletinWork.ts";
import { maskAddress } from "./liaisonAddresses.ts";
import { openMailTransport, type MailTransport } from "./mailTransport.ts";

export { MAX_ATTEMPTS, backoffMs };

/** How long a claimed delivery is left alone by other dispatchers; longer than any SMTP timeout. */
const CLAIM_MS = 10 * 60_000;
const BATCH = 100;

interface MailSource {
  centerName: string;
  departmentName: string;
  departmentCode: string;
  month: string;
  pdf: Uint8Array;
  pdfSha256: string | null;
}

async function loadSource(services: Services, bulletinId: number): Promise<MailSource> {
  const b = await services.prisma.bulletin.findUniqueOrThrow({
    where: { id: bulletinId },
    select: { state: true, month: true, pdf: true, pdfSha256: true, center: { select: { name: true } }, department: { select: { name: true, code: true } } },
  });
  if (b.state !== "RELEASED" || !b.pdf) throw new Error(`bulletin ${bulletinId} is not released`);
  return { centerName: b.center.name, departmentName: b.department.name, departmentCode: b.department.code, month: b.month, pdf: b.pdf, pdfSha256: b.pdfSha256 };
}

const fileStem = (source: MailSource, deliveryId: number): string => `bulletin-${source.month}-${source.departmentCode.replace(/[^A-Za-z0-9_-]/g, "_")}-${deliveryId}`;

async function attempt(services: Services, transport: MailTransport, delivery: BulletinDelivery, sources: Map<number, Promise<MailSource>>): Promise<boolean> {
  const { prisma, clock, logger, config } = services;
  const attempts = delivery.attempts + 1;
  const log = { deliveryId: delivery.id, bulletinId: delivery.bulletinId, recipient: maskAddress(delivery.recipient), attempt: attempts, resend: delivery.resend };
  try {
    let source = sources.get(delivery.bulletinId);
    if (!source) sources.set(delivery.bulletinId, (source = loadSource(services, delivery.bulletinId)));
    const s = await source;
    const message = composeBulletinMail({
      from: config.MAIL_FROM,
      centerName: s.centerName,
      departmentName: s.departmentName,
      month: s.month,
      recipient: delivery.recipient,
      pdf: s.pdf,
      pdfSha256: s.pdfSha256,
      bulletinId: delivery.bulletinId,
      deliveryId: delivery.id,
      resend: delivery.resend,
      resendReason: delivery.resendReason,
      now: clock.now(),
    });
    const transportUsed = await transport.send(message, fileStem(s, delivery.id));
    await prisma.bulletinDelivery.update({ where: { id: delivery.id }, data: { state: "SENT", attempts, sentAt: clock.now(), lastError: null, nextAttemptAt: null, transport: transportUsed } });
    logger.info({ ...log, outcome: "sent", transport: transportUsed }, "bulletin mail sent");
    return true;
  } catch (err) {
    const giveUp = attempts >= MAX_ATTEMPTS;
    const message = String(err instanceof Error ? err.message : err).slice(0, 500);
    const nextAttemptAt = giveUp ? null : new Date(clock.now().getTime() + backoffMs(attempts));
    await prisma.bulletinDelivery.update({ where: { id: delivery.id }, data: { state: giveUp ? "FAILED" : "PENDING", attempts, lastError: message, nextAttemptAt } });
    logger.warn({ ...log, outcome: giveUp ? "failed" : "retry", error: message, nextAttemptAt }, giveUp ? "bulletin mail failed, gave up" : "bulletin mail failed, will retry");
    return false;
  }
}

/** Sends what is due now; tests call it after moving the ManualClock. */
export async function deliverBulletins(services: Services): Promise<{ sent: number; failed: number }> {
  const { prisma, clock } = services;
  const due = await prisma.bulletinDelivery.findMany({ where: { state: "PENDING", nextAttemptAt: { lte: clock.now() } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true } });
  let sent = 0;
  let failed = 0;
  if (due.length === 0) return { sent, failed };
  const transport = await openMailTransport(services.config);
  const sources = new Map<number, Promise<MailSource>>();
  try {
    for (const { id } of due) {
      const now = clock.now();
      const { count } = await prisma.bulletinDelivery.updateMany({ where: { id, state: "PENDING", nextAttemptAt: { lte: now } }, data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } });
      if (count !== 1) continue; // another dispatcher has it
      const delivery = await prisma.bulletinDelivery.findUniqueOrThrow({ where: { id } });
      if (await attempt(services, transport, delivery, sources)) sent++;
      else failed++;
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}

const kicks = new WeakMap<Services, { running: boolean; again: boolean }>();

/** Dispatches now, in the background, rather than at the next tick (after a release, resend or retry). */
export function kickBulletinDelivery(services: Services): void {
  let state = kicks.get(services);
  if (!state) kicks.set(services, (state = { running: false, again: false }));
  if (state.running) {
    state.again = true;
    return;
  }
  const s = state;
  s.running = true;
  const work = (async () => {
    try {
      do {
        s.again = false;
        await deliverBulletins(services);
      } while (s.again);
    } finally {
      s.running = false;
    }
  })();
  trackBulletinWork(services, work, "deliver bulletins");
}

/** A delivery that gave up (FAILED) goes back to PENDING, due now, for one more attempt. Audited. */
export async function retryBulletinDelivery(services: Services, opts: { delivery: BulletinDelivery; centerId: number; auditActor: AuditActor }): Promise<BulletinDelivery> {
  const { prisma, clock } = services;
  const before = opts.delivery;
  if (before.state !== "FAILED") throw new AppError("BULLETIN_DELIVERY_NOT_FAILED");
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.bulletinDelivery.updateMany({ where: { id: before.id, state: "FAILED" }, data: { state: "PENDING", nextAttemptAt: now } });
    if (count !== 1) throw new AppError("BULLETIN_DELIVERY_NOT_FAILED");
    await recordAudit(
      tx,
      opts.auditActor,
      { action: "retry.bulletinDelivery", entity: "BulletinDelivery", entityId: before.id, centerId: opts.centerId, before: { state: before.state, attempts: before.attempts, lastError: before.lastError }, after: { state: "PENDING" } },
      now,
    );
    return tx.bulletinDelivery.findUniqueOrThrow({ where: { id: before.id } });
  });
}
