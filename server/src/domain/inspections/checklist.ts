// The inspection checklist: the built-in list (version 0) until an administrator saves one; every save
// is a new version, so an inspection's deductions always come from the list the inspector saw.
import { checklistBodySchema, DEFAULT_CHECKLIST, type ChecklistBody, type ChecklistDto, type ChecklistItem } from "../../contracts/inspections.ts";
import type { PrismaClient, Tx } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

export interface LoadedChecklist extends ChecklistDto {
  /** The row (null for the built-in version 0) */
  id: number | null;
}

const builtIn: LoadedChecklist = { id: null, version: 0, items: DEFAULT_CHECKLIST, createdAt: null };

function fromRow(row: { id: number; version: number; items: unknown; createdAt: Date }): LoadedChecklist {
  // Stored rows were validated on save; a row that no longer parses falls back to nothing rather than guessing
  const parsed = checklistBodySchema.safeParse({ items: row.items });
  return { id: row.id, version: row.version, items: parsed.success ? parsed.data.items : [], createdAt: row.createdAt.toISOString() };
}

/** The current checklist, or a given version (null when that version does not exist). */
export async function loadChecklist(prisma: PrismaClient | Tx, centerId: number, version?: number): Promise<LoadedChecklist | null> {
  if (version === 0) return builtIn;
  const row =
    version === undefined
      ? await prisma.inspectionChecklist.findFirst({ where: { centerId }, orderBy: { version: "desc" } })
      : await prisma.inspectionChecklist.findUnique({ where: { centerId_version: { centerId, version } } });
  if (row) return fromRow(row);
  return version === undefined ? builtIn : null;
}

export const itemByCode = (items: readonly ChecklistItem[]): Map<string, ChecklistItem> => new Map(items.map((i) => [i.code, i]));

export async function saveChecklist(services: Services, opts: { auditActor: AuditActor; centerId: number; userId: number; body: ChecklistBody }): Promise<LoadedChecklist> {
  const now = services.clock.now();
  const row = await services.prisma.$transaction(async (tx) => {
    const last = await tx.inspectionChecklist.findFirst({ where: { centerId: opts.centerId }, orderBy: { version: "desc" }, select: { version: true } });
    const created = await tx.inspectionChecklist.create({ data: { centerId: opts.centerId, version: (last?.version ?? 0) + 1, items: opts.body.items, createdById: opts.userId, createdAt: now } });
    await recordAudit(tx, opts.auditActor, { action: "save.inspectionChecklist", entity: "InspectionChecklist", entityId: created.id, centerId: opts.centerId, after: { version: created.version, items: opts.body.items } }, now);
    return created;
  });
  return fromRow(row);
}
