// API keys of the queue-calling system: created and revoked by the center's administrator (audited),
// shown once, stored as a sha256 hash. A request presents one as `Authorization: Bearer <key>`.
import type { CreatedQueueKey, QueueKeyDto } from "../../contracts/queue.ts";
import { AppError } from "../../errors.ts";
import type { QueueApiKey } from "../../generated/prisma/client.ts";
import { newToken, sha256 } from "../../lib/tokens.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

const KEY_PREFIX = "hwq_";

export const presentQueueKey = (k: QueueApiKey): QueueKeyDto => ({
  id: k.id,
  name: k.name,
  keyPrefix: k.keyPrefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

export async function createQueueKey(services: Services, opts: { auditActor: AuditActor; centerId: number; createdById: number; name: string }): Promise<CreatedQueueKey> {
  const now = services.clock.now();
  const key = `${KEY_PREFIX}${newToken(32)}`;
  const row = await services.prisma.$transaction(async (tx) => {
    const created = await tx.queueApiKey.create({
      data: { centerId: opts.centerId, name: opts.name, keyPrefix: key.slice(0, KEY_PREFIX.length + 6), keyHash: sha256(key), createdById: opts.createdById, createdAt: now },
    });
    await recordAudit(tx, opts.auditActor, { action: "create.queueKey", entity: "QueueApiKey", entityId: created.id, centerId: opts.centerId, after: { name: created.name, keyPrefix: created.keyPrefix } }, now);
    return created;
  });
  return { ...presentQueueKey(row), key };
}

export async function revokeQueueKey(services: Services, opts: { auditActor: AuditActor; centerId: number; revokedById: number; keyId: number }): Promise<QueueKeyDto> {
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const key = await tx.queueApiKey.findUnique({ where: { id: opts.keyId } });
    if (!key || key.centerId !== opts.centerId) throw new AppError("NOT_FOUND");
    if (key.revokedAt) return presentQueueKey(key);
    const revoked = await tx.queueApiKey.update({ where: { id: key.id }, data: { revokedAt: now, revokedById: opts.revokedById } });
    await recordAudit(tx, opts.auditActor, { action: "revoke.queueKey", entity: "QueueApiKey", entityId: key.id, centerId: opts.centerId, before: { revokedAt: null }, after: { revokedAt: now } }, now);
    return presentQueueKey(revoked);
  });
}

/** The live key a request presents, or QUEUE_KEY_INVALID (no detail: which part was wrong is nobody's business). */
export async function authenticateQueueKey(services: Services, authorization: string | undefined): Promise<QueueApiKey> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization ?? "");
  const presented = match?.[1];
  if (!presented) throw new AppError("QUEUE_KEY_INVALID");
  const key = await services.prisma.queueApiKey.findUnique({ where: { keyHash: sha256(presented) } });
  if (!key || key.revokedAt) throw new AppError("QUEUE_KEY_INVALID");
  return key;
}
