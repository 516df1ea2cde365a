// SMS to citizens (accepted / suspended / completed / overdue). Domain functions enqueue a row in
// the Notification outbox inside their own transaction; dispatchNotifications hands pending rows to
// a provider and retries failures with backoff; after MAX_ATTEMPTS a message is FAILED until a
// supervisor retries it. The default provider delivers nowhere: the outbox itself is what supervisors
// read (no network is needed in the hall).
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { cipherFor, maskPhone } from "../../lib/crypto.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

export const SMS_TEMPLATES = {
  CASE_ACCEPTED: "您的{itemName}办件（编号{caseNo}）已受理，承诺办结时间{dueDate}。",
  CASE_SUSPENDED: "您的办件（编号{caseNo}）需补正材料：{reason}。补正期间暂停计时。",
  CASE_COMPLETED: "您的办件（编号{caseNo}）已办结，欢迎对本次服务进行评价。",
  CASE_COMPLETED_RATE: "您的办件（编号{caseNo}）已办结，欢迎在{validDays}天内点击链接评价本次服务：{ratingLink}",
  CASE_OVERDUE: "您的办件（编号{caseNo}）已超过承诺时限，中心已督办，给您带来不便深表歉意。",
} as const;
export type SmsTemplate = keyof typeof SMS_TEMPLATES;

/** How a secret placeholder reads wherever the message is shown rather than sent (the supervisors' outbox). */
export const HIDDEN_SECRET = "〔评价链接仅发送给市民〕";

/**
 * A placeholder whose value is stored under "<name>Enc" is a secret (a one-time rating link, #6): it is
 * decrypted by `reveal` only where the message is sent, and hidden everywhere else.
 */
export function renderSms(template: SmsTemplate, payload: Record<string, string>, reveal?: (encrypted: string) => string): string {
  return SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (_, k: string) => {
    const secret = payload[`${k}Enc`];
    if (secret !== undefined) return reveal ? reveal(secret) : HIDDEN_SECRET;
    return payload[k] ?? "";
  });
}

export async function enqueueSms(
  tx: Tx,
  services: Services,
  opts: { centerId: number; phoneEnc: string | null; template: SmsTemplate; payload: Record<string, string>; dedupeKey: string; now: Date },
): Promise<void> {
  if (!opts.phoneEnc) return;
  const exists = await tx.notification.findUnique({ where: { dedupeKey: opts.dedupeKey }, select: { id: true } });
  if (exists) return;
  const phone = cipherFor(services.config).decrypt(opts.phoneEnc);
  await tx.notification.create({
    data: {
      centerId: opts.centerId,
      channel: "SMS",
      recipientEnc: opts.phoneEnc,
      recipientMasked: maskPhone(phone),
      template: opts.template,
      payload: opts.payload,
      state: "PENDING",
      createdAt: opts.now,
      nextAttemptAt: opts.now,
      dedupeKey: opts.dedupeKey,
    },
  });
}

export interface SmsProvider {
  send(message: { to: string; text: string }): Promise<void>;
}

/** Delivers nowhere: the outbox row, marked sent, is the record supervisors read. */
export const outboxOnlyProvider: SmsProvider = { send: async () => {} };

export const MAX_ATTEMPTS = 5;
/** 1, 2, 4, 8 minutes between attempts. */
export const backoffMs = (attempts: number): number => 60_000 * 2 ** Math.max(0, attempts - 1);

export async function dispatchNotifications(services: Services, provider: SmsProvider = outboxOnlyProvider): Promise<{ sent: number; failed: number }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const due = await prisma.notification.findMany({ where: { state: "PENDING", nextAttemptAt: { lte: now } }, orderBy: { id: "asc" }, take: 200 });
  const cipher = cipherFor(services.config);
  let sent = 0;
  let failed = 0;
  for (const n of due) {
    const payload = (n.payload ?? {}) as Record<string, string>;
    const attempts = n.attempts + 1;
    try {
      await provider.send({ to: cipher.decrypt(n.recipientEnc), text: renderSms(n.template as SmsTemplate, payload, (enc) => cipher.decrypt(enc)) });
      await prisma.notification.update({ where: { id: n.id }, data: { state: "SENT", attempts, sentAt: now, lastError: null, nextAttemptAt: null } });
      sent++;
    } catch (err) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      await prisma.notification.update({
        where: { id: n.id },
        data: { state: giveUp ? "FAILED" : "PENDING", attempts, lastError: String(err instanceof Error ? err.message : err).slice(0, 500), nextAttemptAt: giveUp ? null : new Date(now.getTime() + backoffMs(attempts)) },
      });
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * A supervisor sends a message that gave up (FAILED) once more: it goes back to PENDING, due now, and
 * the next dispatch tries it (one more attempt; failing again marks it FAILED again). Audited.
 */
export async function retryNotification(services: Services, opts: { notificationId: number; auditActor: AuditActor }): Promise<void> {
  const { prisma, clock } = services;
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    const before = await tx.notification.findUniqueOrThrow({ where: { id: opts.notificationId } });
    if (before.state !== "FAILED") throw new AppError("NOTIFICATION_NOT_FAILED");
    await tx.notification.update({ where: { id: before.id, state: "FAILED" }, data: { state: "PENDING", nextAttemptAt: now } });
    await recordAudit(
      tx,
      opts.auditActor,
      { action: "retry.notification", entity: "Notification", entityId: before.id, centerId: before.centerId, before: { state: before.state, attempts: before.attempts, lastError: before.lastError }, after: { state: "PENDING" } },
      now,
    );
  });
}
