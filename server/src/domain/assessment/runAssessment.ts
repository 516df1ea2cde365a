// A run computes one period of one center and stores every subject's score, explanation lines, rank
// and decision (and, for a quarter, the proposed honours) in one transaction: readers see a run's
// results whole or not at all. Runs are idempotent by (center, period, rules version, generation): asking
// again returns the finished run; a new generation is made only on purpose (`fresh`, a recompute).
// Progress is written to the run row as the phases complete, so GET /runs/:id shows it.
import type { Tx } from "../../db/database.ts";
import { Prisma, type AssessmentRun } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";
import { aggregatePeriodFacts } from "./aggregateFacts.ts";
import { carryOverrides } from "./carryOverrides.ts";
import { evaluatePeriod, type PeriodEvaluation } from "./evaluatePeriod.ts";
import type { Period } from "./periods.ts";
import { ruleSetInForce, type LoadedRuleSet } from "./ruleSets.ts";

/** A run still RUNNING after this long is taken as crashed and may be replaced. */
const STALE_RUN_MS = 15 * 60_000;

export interface RunRequest {
  centerId: number;
  period: Period;
  requestedById: number | null;
  /** Compute a new generation even when a finished run exists (recompute, or refresh of an open period) */
  fresh?: boolean;
  recomputeReason?: string;
}

export interface RunOutcome {
  run: AssessmentRun;
  /** false when an existing run was returned */
  computed: boolean;
}

/** Everything but the database: who is ranked in the center, from its master data. */
async function loadRoster(services: Services, centerId: number, windowIdsWithFacts: number[], staffIdsWithFacts: number[]) {
  const { prisma } = services;
  // Active subjects, plus inactive ones that still have records in the period (left mid-quarter)
  const [windows, staff, departments] = await Promise.all([
    prisma.window.findMany({ where: { centerId, OR: [{ active: true }, { id: { in: windowIdsWithFacts } }] }, select: { id: true, partyPost: true } }),
    prisma.staff.findMany({ where: { centerId, OR: [{ active: true }, { id: { in: staffIdsWithFacts } }] }, select: { id: true, departmentId: true, partyPost: true } }),
    prisma.department.findMany({ where: { centerId }, select: { id: true, active: true } }),
  ]);
  const staffed = new Set(staff.map((s) => s.departmentId));
  return { windows, staff, departments: departments.filter((d) => d.active || staffed.has(d.id)).map((d) => ({ id: d.id })) };
}

/**
 * Stores a run's scores with multi-row INSERTs (standard SQL; Prisma renders the placeholders):
 * createMany took ~1 ms a row here, which was most of a run.
 */
async function insertScores(tx: Tx, runId: number, evaluation: PeriodEvaluation): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < evaluation.subjects.length; i += CHUNK) {
    const values = evaluation.subjects.slice(i, i + CHUNK).map(
      (s) =>
        Prisma.sql`(${runId}, ${s.subjectKind}, ${s.subjectId}, ${s.total}, ${s.rank}, ${s.sampleSize}, ${JSON.stringify(s.score.lines)}, ${s.eligible}, ${s.score.vetoes.map((v) => v.reason).join("；") || null}, ${s.meetsMinSamples}, ${s.decision}, ${s.reason}, ${s.reasonEn}, ${JSON.stringify(s.score.vetoes)}, ${s.partyMemberPost}, ${s.score.satisfaction}, ${s.score.deductions})`,
    );
    await tx.$executeRaw`INSERT INTO "PeriodScore" ("runId", "subjectKind", "subjectId", "score", "rank", "sampleSize", "components", "eligible", "vetoReason", "meetsMinSamples", "decision", "decisionReason", "decisionReasonEn", "vetoes", "partyMemberPost", "satisfaction", "deductions") VALUES ${Prisma.join(values)}`;
  }
}

export async function computePeriod(services: Services, centerId: number, period: Period, ruleSet: LoadedRuleSet, onProgress?: (share: number) => Promise<void>): Promise<PeriodEvaluation> {
  const facts = await aggregatePeriodFacts(services.prisma, centerId, period, onProgress);
  const roster = await loadRoster(services, centerId, [...facts.windows.keys()], [...facts.staff.keys()]);
  return evaluatePeriod(ruleSet.rules, period, roster, facts);
}

export async function runAssessment(services: Services, req: RunRequest): Promise<RunOutcome> {
  const { prisma, clock } = services;
  const { centerId, period } = req;
  const ruleSet = await ruleSetInForce(prisma, centerId, period.start);
  const key = { centerId, periodKind: period.kind, periodStart: period.start, ruleSetId: ruleSet.id };
  const latest = await prisma.assessmentRun.findFirst({ where: key, orderBy: { generation: "desc" } });
  const now = clock.now();
  if (latest && !req.fresh) {
    if (latest.state === "DONE") return { run: latest, computed: false };
    if (latest.state === "RUNNING" && now.getTime() - latest.startedAt.getTime() < STALE_RUN_MS) return { run: latest, computed: false };
  }

  let run: AssessmentRun;
  try {
    run = await prisma.assessmentRun.create({
      data: {
        ...key,
        periodEnd: period.end,
        generation: (latest?.generation ?? 0) + 1,
        state: "RUNNING",
        progress: 0,
        startedAt: now,
        requestedById: req.requestedById,
        recomputeReason: req.recomputeReason ?? null,
      },
    });
  } catch {
    // A concurrent request created this generation first: answer with it
    const taken = await prisma.assessmentRun.findFirst({ where: key, orderBy: { generation: "desc" } });
    if (taken) return { run: taken, computed: false };
    throw new Error("assessment run could not be created");
  }

  try {
    const progress = async (share: number) => {
      await prisma.assessmentRun.update({ where: { id: run.id }, data: { progress: Math.round(share * 100) / 100 } });
    };
    const t0 = performance.now();
    const evaluation = await computePeriod(services, centerId, period, ruleSet, progress);
    const t1 = performance.now();
    await progress(0.9);
    const finished = await prisma.$transaction(async (tx) => {
      await insertScores(tx, run.id, evaluation);
      const honoured = evaluation.subjects.filter((s) => s.honour !== null);
      if (honoured.length > 0) {
        await tx.honour.createMany({
          data: honoured.map((s) => ({ runId: run.id, kind: s.honour!, subjectId: s.subjectId, proposed: true, granted: true, rank: s.rank, reason: s.reason, reasonEn: s.reasonEn })),
        });
      }
      const previousDone = await tx.assessmentRun.findFirst({
        where: { centerId, periodKind: period.kind, periodStart: period.start, state: "DONE", id: { not: run.id } },
        orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      });
      if (period.kind === "QUARTER" && previousDone) await carryOverrides(tx, previousDone.id, run.id);
      return tx.assessmentRun.update({
        where: { id: run.id },
        data: { state: "DONE", progress: 1, finishedAt: clock.now(), baseline: { ...evaluation.baseline }, quota: { ...evaluation.quota } },
      });
    });
    const ms = (x: number) => Math.round(x);
    services.logger.info({ runId: run.id, period: period.label, centerId, computeMs: ms(t1 - t0), writeMs: ms(performance.now() - t1), subjects: evaluation.subjects.length }, "assessment run finished");
    return { run: finished, computed: true };
  } catch (err) {
    await prisma.assessmentRun.update({ where: { id: run.id }, data: { state: "FAILED", finishedAt: clock.now(), error: String(err instanceof Error ? err.message : err).slice(0, 2000) } });
    throw err;
  }
}

/** The run whose results a period shows now: the latest finished one (any rules version). */
export async function currentRun(services: Services, centerId: number, period: Period): Promise<AssessmentRun | null> {
  return services.prisma.assessmentRun.findFirst({
    where: { centerId, periodKind: period.kind, periodStart: period.start, state: "DONE" },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
  });
}
