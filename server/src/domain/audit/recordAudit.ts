// The append-only, hash-chained audit log. Every change to data writes one entry in the same
// transaction as the change; an entry's hash covers the previous entry's hash, so any edit or
// deletion breaks the chain (checked by verifyAuditChain).
import { createHash } from "node:crypto";
import type { Tx } from "../../db/database.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditActor {
  userId: number | null;
  role: string; // a Role, or SYSTEM / PUBLIC / DEVICE
  centerId: number | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  centerId?: number | null;
  before?: unknown;
  after?: unknown;
}

export interface ChainedFields {
  at: string;
  centerId: number | null;
  actorId: number | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Canonical JSON: keys sorted, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(fields)).digest("hex");
}

/** Dates become ISO strings, so what is hashed is what is stored and read back. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput, at: Date): Promise<void> {
  const last = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: at.toISOString(),
    centerId: input.centerId ?? actor.centerId,
    actorId: actor.userId,
    actorRole: actor.role,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: plain(input.before),
    after: plain(input.after),
  };
  await tx.auditEntry.create({
    data: {
      ...fields,
      at,
      before: fields.before === null ? undefined : (fields.before as object),
      after: fields.after === null ? undefined : (fields.after as object),
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      prevHash,
      hash: chainHash(prevHash, fields),
    },
  });
}
