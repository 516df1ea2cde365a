// The append-only, hash-chained audit log. Every change to data writes one entry in the same
// transaction as the change; an entry's hash covers the previous entry's hash, so any edit or
// deletion breaks the chain (checked by verifyAuditChain).
import { createHash } from "node:crypto";
import type Sqlite from "better-sqlite3";
import { sqliteTime, type Tx } from "../../db/database.ts";

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

function chainedFields(actor: AuditActor, input: AuditInput, at: Date): ChainedFields {
  return {
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
}

export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput, at: Date): Promise<void> {
  const last = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = chainedFields(actor, input, at);
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

const rawStatements = new WeakMap<Sqlite.Database, { last: Sqlite.Statement<[], { hash: string }>; insert: Sqlite.Statement }>();

/** The same entry written on the raw connection, inside a transaction of its (db/rawWrite.ts): stored as
 * Prisma stores it (the time as sqliteTime, before/after as JSON text), so the chain reads back the same. */
export function recordAuditRaw(raw: Sqlite.Database, actor: AuditActor, input: AuditInput, at: Date): void {
  let q = rawStatements.get(raw);
  if (!q) {
    q = {
      last: raw.prepare(`SELECT "hash" FROM "AuditEntry" ORDER BY "id" DESC LIMIT 1`),
      insert: raw.prepare(
        `INSERT INTO "AuditEntry" ("at","centerId","actorId","actorRole","action","entity","entityId","before","after","ip","requestId","prevHash","hash")
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ),
    };
    rawStatements.set(raw, q);
  }
  const prevHash = q.last.get()?.hash ?? GENESIS_HASH;
  const fields = chainedFields(actor, input, at);
  q.insert.run(
    sqliteTime(at),
    fields.centerId,
    fields.actorId,
    fields.actorRole,
    fields.action,
    fields.entity,
    fields.entityId,
    fields.before === null ? null : JSON.stringify(fields.before),
    fields.after === null ? null : JSON.stringify(fields.after),
    actor.ip ?? null,
    actor.requestId ?? null,
    prevHash,
    chainHash(prevHash, fields),
  );
}
