// The quarter's decisions (季考评): the engine proposes red flag windows and service models; a leader
// may grant or withdraw any of them with a written reason (recorded on the Honour row and audited),
// then publishes a frozen snapshot. Later edits to records or rules never change it; only an explicit
// recompute does, and it reports what changed and supersedes the snapshot with a new one.
import type { HonourKindDto, HonourRowDto, QuarterOverrideBody, QuarterProposalDto, RecomputeChangeDto, RecomputeResultDto } from "../../contracts/assessmentApi.ts";
import type { PrismaClient, Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Honour } from "../../generated/prisma/client.ts";
import { presentPeriod, subjectKey, type SubjectLabels } from "../../presenters/assessment.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import type { Period } from "./periods.ts";
import { findShownResult, liveRows, loadSubjectLabels, readSnapshot, requireShownResult, type ShownResult, type SnapshotData, type SnapshotRow } from "./results.ts";
import { runAssessment } from "./runAssessment.ts";

const KIND_OF_HONOUR: Record<HonourKindDto, "WINDOW" | "STAFF"> = { RED_FLAG_WINDOW: "WINDOW", SERVICE_MODEL: "STAFF" };

async function userNames(prisma: PrismaClient | Tx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function quotaOf(raw: unknown): Record<HonourKindDto, number> {
  const q = (raw ?? {}) as Partial<Record<HonourKindDto, number>>;
  return { RED_FLAG_WINDOW: q.RED_FLAG_WINDOW ?? 0, SERVICE_MODEL: q.SERVICE_MODEL ?? 0 };
}

/** The honour rows of a run, with names and ranks, proposed first then by rank. */
async function honourRows(prisma: PrismaClient | Tx, runId: number, rows: readonly SnapshotRow[]): Promise<HonourRowDto[]> {
  const honours = await prisma.honour.findMany({ where: { runId } });
  const names = await userNames(prisma, honours.map((h) => h.decidedById));
  const rowOf = new Map(rows.map((r) => [subjectKey(r.subjectKind, r.subjectId), r]));
  return honours
    .map((h: Honour): HonourRowDto => {
      const r = rowOf.get(subjectKey(KIND_OF_HONOUR[h.kind], h.subjectId));
      return {
        kind: h.kind,
        subjectId: h.subjectId,
        name: r?.name ?? `#${h.subjectId}`,
        code: r?.code ?? null,
        departmentName: r?.departmentName ?? null,
        rank: r?.rank ?? h.rank,
        score: r?.score ?? 0,
        partyMemberPost: r?.partyMemberPost ?? false,
        proposed: h.proposed,
        granted: h.granted,
        proposalReason: h.reason || r?.decisionReason || "",
        proposalReasonEn: h.reasonEn || r?.decisionReasonEn || "",
        override: h.overrideReason ? { reason: h.overrideReason, byName: names.get(h.decidedById ?? -1) ?? "—", at: (h.decidedAt ?? new Date(0)).toISOString() } : null,
      };
    })
    .sort((a, b) => Number(b.proposed) - Number(a.proposed) || a.rank - b.rank || a.subjectId - b.subjectId);
}

export async function buildSnapshotData(prisma: PrismaClient | Tx, centerId: number, shown: Pick<ShownResult, "run" | "ruleSetVersion">): Promise<SnapshotData> {
  const rows = await liveRows(prisma, shown.run.id, await loadSubjectLabels(prisma, centerId));
  return {
    runId: shown.run.id,
    ruleSetVersion: shown.ruleSetVersion,
    generation: shown.run.generation,
    computedAt: (shown.run.finishedAt ?? shown.run.startedAt).toISOString(),
    quota: quotaOf(shown.run.quota),
    rows,
    honours: await honourRows(prisma, shown.run.id, rows),
  };
}

export async function quarterProposal(prisma: PrismaClient, centerId: number, period: Period): Promise<QuarterProposalDto> {
  const shown = await requireShownResult(prisma, centerId, period);
  const all = await prisma.publishedSnapshot.findMany({ where: { centerId, periodKind: "QUARTER", periodStart: period.start }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] });
  const names = await userNames(prisma, all.map((s) => s.publishedById));
  const honours = shown.snapshot ? readSnapshot(shown.snapshot).honours : await honourRows(prisma, shown.run.id, await liveRows(prisma, shown.run.id, await loadSubjectLabels(prisma, centerId)));
  return {
    period: presentPeriod(period),
    runId: shown.run.id,
    ruleSetVersion: shown.ruleSetVersion,
    generation: shown.run.generation,
    state: shown.snapshot ? "PUBLISHED" : "PROPOSED",
    quota: quotaOf(shown.run.quota),
    redFlagWindows: honours.filter((h) => h.kind === "RED_FLAG_WINDOW"),
    serviceModels: honours.filter((h) => h.kind === "SERVICE_MODEL"),
    publishedAt: shown.snapshot?.publishedAt.toISOString() ?? null,
    publishedByName: shown.snapshot ? (names.get(shown.snapshot.publishedById) ?? "—") : null,
    snapshots: all.map((s) => ({ id: s.id, runId: s.runId, publishedAt: s.publishedAt.toISOString(), publishedByName: names.get(s.publishedById) ?? "—", supersedesId: s.supersedesId })),
  };
}

export async function overrideHonour(services: Services, opts: { auditActor: AuditActor; centerId: number; userId: number; period: Period; body: QuarterOverrideBody }): Promise<void> {
  const { prisma, clock } = services;
  const now = clock.now();
  const { body } = opts;
  await prisma.$transaction(async (tx) => {
    const shown = await requireShownResult(tx, opts.centerId, opts.period);
    if (shown.snapshot) throw new AppError("ASSESSMENT_PUBLISHED");
    const score = await tx.periodScore.findUnique({ where: { runId_subjectKind_subjectId: { runId: shown.run.id, subjectKind: KIND_OF_HONOUR[body.kind], subjectId: body.subjectId } } });
    if (!score) throw new AppError("ASSESSMENT_NOT_IN_RANKING");
    const key = { runId_kind_subjectId: { runId: shown.run.id, kind: body.kind, subjectId: body.subjectId } };
    const before = await tx.honour.findUnique({ where: key });
    const decision = { granted: body.grant, overrideReason: body.reason, decidedById: opts.userId, decidedAt: now };
    const after = before
      ? await tx.honour.update({ where: key, data: decision })
      : await tx.honour.create({ data: { runId: shown.run.id, kind: body.kind, subjectId: body.subjectId, proposed: false, rank: score.rank, reason: score.decisionReason, reasonEn: score.decisionReasonEn, ...decision } });
    await recordAudit(
      tx,
      opts.auditActor,
      {
        action: "override.quarterHonour",
        entity: "Honour",
        entityId: after.id,
        centerId: opts.centerId,
        before: before ? { granted: before.granted, proposed: before.proposed, overrideReason: before.overrideReason } : null,
        after: { period: opts.period.label, runId: shown.run.id, kind: body.kind, subjectId: body.subjectId, granted: body.grant, reason: body.reason },
      },
      now,
    );
  });
}

export async function publishQuarter(services: Services, opts: { auditActor: AuditActor; centerId: number; userId: number; period: Period; note?: string }): Promise<void> {
  const { prisma, clock } = services;
  const now = clock.now();
  await prisma.$transaction(async (tx) => {
    const shown = await requireShownResult(tx, opts.centerId, opts.period);
    if (shown.snapshot) throw new AppError("ASSESSMENT_PUBLISHED");
    const data = await buildSnapshotData(tx, opts.centerId, shown);
    const snapshot = await tx.publishedSnapshot.create({
      data: { centerId: opts.centerId, runId: shown.run.id, periodKind: "QUARTER", periodStart: opts.period.start, data: JSON.parse(JSON.stringify(data)), publishedAt: now, publishedById: opts.userId },
    });
    await tx.honour.updateMany({ where: { runId: shown.run.id, decidedAt: null }, data: { decidedById: opts.userId, decidedAt: now } });
    const granted = data.honours.filter((h) => h.granted);
    await recordAudit(
      tx,
      opts.auditActor,
      {
        action: "publish.quarter",
        entity: "PublishedSnapshot",
        entityId: snapshot.id,
        centerId: opts.centerId,
        after: { period: opts.period.label, runId: shown.run.id, note: opts.note ?? null, honours: granted.map((h) => ({ kind: h.kind, subjectId: h.subjectId, proposed: h.proposed })) },
      },
      now,
    );
  });
}

const outcome = (r: SnapshotRow | undefined) => (r ? { score: r.score, rank: r.rank, decision: r.decision, honour: r.honour } : null);

/** Subjects whose score, rank, decision or honour differ between two results. */
export function diffRows(before: readonly SnapshotRow[], after: readonly SnapshotRow[]): RecomputeChangeDto[] {
  const a = new Map(before.map((r) => [subjectKey(r.subjectKind, r.subjectId), r]));
  const b = new Map(after.map((r) => [subjectKey(r.subjectKind, r.subjectId), r]));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const changes: RecomputeChangeDto[] = [];
  for (const k of keys) {
    const x = a.get(k);
    const y = b.get(k);
    if (x && y && x.score === y.score && x.rank === y.rank && x.decision === y.decision && x.honour === y.honour) continue;
    const r = (y ?? x)!;
    changes.push({ subjectKind: r.subjectKind, subjectId: r.subjectId, name: r.name, before: outcome(x), after: outcome(y) });
  }
  const order = { WINDOW: 0, STAFF: 1, DEPARTMENT: 2 } as const;
  return changes.sort((p, q) => order[p.subjectKind] - order[q.subjectKind] || (p.after?.rank ?? 1e9) - (q.after?.rank ?? 1e9) || p.subjectId - q.subjectId);
}

export async function recomputeQuarter(services: Services, opts: { auditActor: AuditActor; centerId: number; userId: number; period: Period; reason: string; labels?: SubjectLabels }): Promise<RecomputeResultDto> {
  const { prisma, clock } = services;
  const previous = await requireShownResult(prisma, opts.centerId, opts.period);
  const beforeRows = previous.snapshot ? readSnapshot(previous.snapshot).rows : await liveRows(prisma, previous.run.id, await loadSubjectLabels(prisma, opts.centerId));
  const { run } = await runAssessment(services, { centerId: opts.centerId, period: opts.period, requestedById: opts.userId, fresh: true, recomputeReason: opts.reason });
  if (run.state !== "DONE") throw new AppError("CONFLICT");
  const now = clock.now();
  const changes = await prisma.$transaction(async (tx) => {
    const ruleSet = await tx.assessmentRuleSet.findUniqueOrThrow({ where: { id: run.ruleSetId }, select: { version: true } });
    const afterRows = await liveRows(tx, run.id, await loadSubjectLabels(tx, opts.centerId));
    const diff = diffRows(beforeRows, afterRows);
    let snapshotId: number | null = null;
    if (previous.snapshot) {
      // Still published: the new result replaces the frozen one, and says which one it replaced
      const data = await buildSnapshotData(tx, opts.centerId, { run, ruleSetVersion: ruleSet.version });
      const created = await tx.publishedSnapshot.create({
        data: { centerId: opts.centerId, runId: run.id, periodKind: "QUARTER", periodStart: opts.period.start, data: JSON.parse(JSON.stringify(data)), publishedAt: now, publishedById: opts.userId, supersedesId: previous.snapshot.id },
      });
      snapshotId = created.id;
    }
    await recordAudit(
      tx,
      opts.auditActor,
      {
        action: "recompute.quarter",
        entity: "AssessmentRun",
        entityId: run.id,
        centerId: opts.centerId,
        before: { runId: previous.run.id, snapshotId: previous.snapshot?.id ?? null, ruleSetVersion: previous.ruleSetVersion },
        after: { period: opts.period.label, runId: run.id, snapshotId, ruleSetVersion: ruleSet.version, reason: opts.reason, changed: diff.length, changes: diff.slice(0, 200) },
      },
      now,
    );
    return diff;
  });
  const after = await findShownResult(prisma, opts.centerId, opts.period);
  return {
    previousRunId: previous.run.id,
    proposal: await quarterProposal(prisma, opts.centerId, opts.period),
    changes,
    rulesChanged: after !== null && after.ruleSetVersion !== previous.ruleSetVersion,
  };
}
