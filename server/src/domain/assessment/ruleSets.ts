// The versioned assessment rules: version 0 is the built-in DEFAULT_RULES (stored on first use, so a
// run can point at it); each administrator's save is the next version with the day it takes effect.
// The version in force for a period is the highest version whose effectiveFrom is not after the
// period's start, so an edit never silently changes a period that had begun under older rules.
import { assessmentRulesSchema, DEFAULT_RULES, type AssessmentRules } from "../../contracts/assessmentRules.ts";
import type { PutRulesBody, RuleSetDto } from "../../contracts/assessmentApi.ts";
import type { PrismaClient, Tx } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { shanghaiInstant } from "../calendar/workingDays.ts";

export interface LoadedRuleSet {
  id: number;
  version: number;
  rules: AssessmentRules;
  note: string | null;
  effectiveFrom: Date;
  createdAt: Date;
  createdById: number | null;
}

const EPOCH = new Date(0);

function fromRow(row: { id: number; version: number; rules: unknown; note: string | null; effectiveFrom: Date; createdAt: Date; createdById: number | null }): LoadedRuleSet {
  // Rows were validated on save; one that no longer parses (a later schema) must not be guessed at
  const rules = assessmentRulesSchema.parse(row.rules);
  return { id: row.id, version: row.version, rules, note: row.note, effectiveFrom: row.effectiveFrom, createdAt: row.createdAt, createdById: row.createdById };
}

/** Stores version 0 (the defaults) if the center has no rule set yet; safe when two callers race. */
export async function ensureDefaultRuleSet(prisma: PrismaClient | Tx, centerId: number): Promise<void> {
  const any = await prisma.assessmentRuleSet.findFirst({ where: { centerId }, select: { id: true } });
  if (any) return;
  try {
    await prisma.assessmentRuleSet.create({ data: { centerId, version: 0, rules: DEFAULT_RULES, note: "默认规则 / built-in defaults", effectiveFrom: EPOCH, createdAt: EPOCH } });
  } catch {
    // Another request stored it first (unique centerId+version)
  }
}

/** The rule set in force at an instant (a period's start). */
export async function ruleSetInForce(prisma: PrismaClient | Tx, centerId: number, at: Date): Promise<LoadedRuleSet> {
  await ensureDefaultRuleSet(prisma, centerId);
  const row = await prisma.assessmentRuleSet.findFirst({ where: { centerId, effectiveFrom: { lte: at } }, orderBy: { version: "desc" } });
  return fromRow(row ?? (await prisma.assessmentRuleSet.findFirstOrThrow({ where: { centerId, version: 0 } })));
}

export async function ruleSetHistory(prisma: PrismaClient, centerId: number): Promise<LoadedRuleSet[]> {
  await ensureDefaultRuleSet(prisma, centerId);
  const rows = await prisma.assessmentRuleSet.findMany({ where: { centerId }, orderBy: { version: "desc" } });
  return rows.map(fromRow);
}

export async function saveRuleSet(services: Services, opts: { auditActor: AuditActor; centerId: number; userId: number; body: PutRulesBody }): Promise<LoadedRuleSet> {
  const now = services.clock.now();
  const effectiveFrom = opts.body.effectiveFrom ? shanghaiInstant(opts.body.effectiveFrom, "00:00") : now;
  await ensureDefaultRuleSet(services.prisma, opts.centerId);
  const row = await services.prisma.$transaction(async (tx) => {
    const last = await tx.assessmentRuleSet.findFirst({ where: { centerId: opts.centerId }, orderBy: { version: "desc" }, select: { version: true } });
    const created = await tx.assessmentRuleSet.create({
      data: { centerId: opts.centerId, version: (last?.version ?? 0) + 1, rules: opts.body.rules, note: opts.body.note, effectiveFrom, createdById: opts.userId, createdAt: now },
    });
    await recordAudit(
      tx,
      opts.auditActor,
      { action: "save.assessmentRules", entity: "AssessmentRuleSet", entityId: created.id, centerId: opts.centerId, after: { version: created.version, effectiveFrom, note: opts.body.note, rules: opts.body.rules } },
      now,
    );
    return created;
  });
  return fromRow(row);
}

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function presentRuleSet(r: LoadedRuleSet, createdByName: string | null): RuleSetDto {
  return {
    version: r.version,
    rules: r.rules,
    note: r.note,
    effectiveFrom: shanghaiDay(r.effectiveFrom),
    createdAt: r.version === 0 ? null : r.createdAt.toISOString(),
    createdByName,
  };
}
