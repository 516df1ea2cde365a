// Walks the audit log in order and reports the first entry whose chain link does not hold.
import type { PrismaClient } from "../../db/database.ts";
import { GENESIS_HASH, chainHash } from "./recordAudit.ts";

export interface ChainReport {
  checked: number;
  firstBrokenId: number | null;
}

export async function verifyAuditChain(prisma: PrismaClient, batch = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await prisma.auditEntry.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batch });
    if (rows.length === 0) return { checked, firstBrokenId: null };
    for (const row of rows) {
      const expected = chainHash(prevHash, {
        at: row.at.toISOString(),
        centerId: row.centerId,
        actorId: row.actorId,
        actorRole: row.actorRole,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
      });
      if (row.prevHash !== prevHash || row.hash !== expected) return { checked, firstBrokenId: row.id };
      prevHash = row.hash;
      checked++;
    }
    afterId = rows[rows.length - 1]!.id;
  }
}
