// Reading results: which run a period shows (a published quarter: its frozen snapshot's run, else the
// latest finished run), rankings, one score's explanation, trends and the list of periods. Finished
// runs are never changed, so "frozen" means: a published quarter keeps pointing at its run and shows
// the ranking exactly as it was published (names and honours included), whatever happens later.
import { z } from "zod";
import type {
  AssessmentSubjectKind,
  HonourKindDto,
  HonourRowDto,
  PeriodStatusDto,
  RankingDto,
  RankingRowDto,
  ScoreExplanationDto,
  TrendPointDto,
} from "../../contracts/assessmentApi.ts";
import { AppError } from "../../errors.ts";
import type { AssessmentRun, PublishedSnapshot } from "../../generated/prisma/client.ts";
import type { PrismaClient, Tx } from "../../db/database.ts";
import { asDecision, presentPeriod, presentRankingRow, storedLines, subjectKey, type SubjectLabel, type SubjectLabels } from "../../presenters/assessment.ts";
import type { Services } from "../../services.ts";
import { periodByLabel, periodContaining, previousPeriod, type Period, type PeriodKind } from "./periods.ts";

export function resolvePeriod(label: string, kind?: PeriodKind): Period {
  const period = periodByLabel(label);
  if (!period || (kind && period.kind !== kind)) throw new AppError("ASSESSMENT_PERIOD_UNKNOWN");
  return period;
}

export async function loadSubjectLabels(prisma: PrismaClient | Tx, centerId: number): Promise<SubjectLabels> {
  const [windows, staff, departments] = await Promise.all([
    prisma.window.findMany({ where: { centerId }, select: { id: true, number: true, name: true, departments: { select: { departmentId: true, department: { select: { shortName: true } } } } } }),
    prisma.staff.findMany({ where: { centerId }, select: { id: true, name: true, staffNo: true, departmentId: true, department: { select: { shortName: true } } } }),
    prisma.department.findMany({ where: { centerId }, select: { id: true, name: true, code: true } }),
  ]);
  const labels: SubjectLabels = new Map();
  for (const w of windows) {
    labels.set(subjectKey("WINDOW", w.id), {
      name: `${w.number}号窗口 ${w.name}`,
      code: String(w.number),
      departmentName: w.departments.map((d) => d.department.shortName).join("、") || null,
      departmentIds: w.departments.map((d) => d.departmentId),
    });
  }
  for (const s of staff) labels.set(subjectKey("STAFF", s.id), { name: s.name, code: s.staffNo, departmentName: s.department.shortName, departmentIds: [s.departmentId] });
  for (const d of departments) labels.set(subjectKey("DEPARTMENT", d.id), { name: d.name, code: d.code, departmentName: d.name, departmentIds: [d.id] });
  return labels;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

const snapshotRowSchema = z.looseObject({ subjectKind: z.string(), subjectId: z.number(), departmentIds: z.array(z.number()) });
export interface SnapshotRow extends RankingRowDto {
  departmentIds: number[];
}
export interface SnapshotData {
  runId: number;
  ruleSetVersion: number;
  generation: number;
  computedAt: string;
  quota: Record<HonourKindDto, number>;
  rows: SnapshotRow[];
  honours: HonourRowDto[];
}

export function readSnapshot(s: PublishedSnapshot): SnapshotData {
  const data = s.data as unknown as SnapshotData;
  // Only the shape the readers rely on is checked; the snapshot was written by buildSnapshotData.
  z.array(snapshotRowSchema).parse(data.rows);
  return data;
}

export interface ShownResult {
  period: Period;
  run: AssessmentRun;
  ruleSetVersion: number;
  snapshot: PublishedSnapshot | null;
}

export async function latestSnapshot(prisma: PrismaClient | Tx, centerId: number, period: Period): Promise<PublishedSnapshot | null> {
  return prisma.publishedSnapshot.findFirst({ where: { centerId, periodKind: period.kind, periodStart: period.start }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] });
}

/** The run (and snapshot) a period shows; null when it was never computed. */
export async function findShownResult(prisma: PrismaClient | Tx, centerId: number, period: Period): Promise<ShownResult | null> {
  const snapshot = await latestSnapshot(prisma, centerId, period);
  const run = snapshot
    ? await prisma.assessmentRun.findUnique({ where: { id: snapshot.runId } })
    : await prisma.assessmentRun.findFirst({ where: { centerId, periodKind: period.kind, periodStart: period.start, state: "DONE" }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }] });
  if (!run) return null;
  const ruleSet = await prisma.assessmentRuleSet.findUniqueOrThrow({ where: { id: run.ruleSetId }, select: { version: true } });
  return { period, run, ruleSetVersion: ruleSet.version, snapshot };
}

export async function requireShownResult(prisma: PrismaClient | Tx, centerId: number, period: Period): Promise<ShownResult> {
  const shown = await findShownResult(prisma, centerId, period);
  if (!shown) throw new AppError("ASSESSMENT_NOT_COMPUTED");
  return shown;
}

/** Granted honours of a run (after overrides), by subject. */
export async function grantedHonours(prisma: PrismaClient | Tx, runId: number): Promise<Map<string, HonourKindDto>> {
  const rows = await prisma.honour.findMany({ where: { runId, granted: true }, select: { kind: true, subjectId: true } });
  return new Map(rows.map((h) => [subjectKey(h.kind === "RED_FLAG_WINDOW" ? "WINDOW" : "STAFF", h.subjectId), h.kind]));
}

/** Every ranked row of a run, all kinds, as the ranking shows them now. */
export async function liveRows(prisma: PrismaClient | Tx, runId: number, labels: SubjectLabels): Promise<SnapshotRow[]> {
  const [scores, honours] = await Promise.all([
    prisma.periodScore.findMany({ where: { runId }, orderBy: [{ subjectKind: "asc" }, { rank: "asc" }] }),
    grantedHonours(prisma, runId),
  ]);
  return scores.map((s) => {
    const label = labels.get(subjectKey(s.subjectKind, s.subjectId));
    return { ...presentRankingRow(s, label, honours.get(subjectKey(s.subjectKind, s.subjectId)) ?? null), departmentIds: label?.departmentIds ?? [] };
  });
}

const KIND_ORDER: Record<AssessmentSubjectKind, number> = { WINDOW: 0, STAFF: 1, DEPARTMENT: 2 };
const stripInternal = ({ departmentIds: _ignored, ...row }: SnapshotRow): RankingRowDto => row;

export async function rankingOf(
  prisma: PrismaClient,
  centerId: number,
  shown: ShownResult,
  q: { subjectKind: AssessmentSubjectKind; departmentId?: number | null },
): Promise<RankingDto> {
  const rows = shown.snapshot ? readSnapshot(shown.snapshot).rows : await liveRows(prisma, shown.run.id, await loadSubjectLabels(prisma, centerId));
  const filtered = rows
    .filter((r) => r.subjectKind === q.subjectKind && (q.departmentId == null || r.departmentIds.includes(q.departmentId)))
    .sort((a, b) => KIND_ORDER[a.subjectKind] - KIND_ORDER[b.subjectKind] || a.rank - b.rank);
  return {
    period: presentPeriod(shown.period),
    subjectKind: q.subjectKind,
    runId: shown.run.id,
    ruleSetVersion: shown.ruleSetVersion,
    computedAt: (shown.run.finishedAt ?? shown.run.startedAt).toISOString(),
    frozen: shown.snapshot !== null,
    publishedAt: shown.snapshot?.publishedAt.toISOString() ?? null,
    rows: filtered.map(stripInternal),
  };
}

// ---------------------------------------------------------------------------------------------
// One score

const baselineSchema = z.object({ satisfaction: z.number(), caseOnTime: z.number(), inquiryOnTime: z.number(), rectificationOnTime: z.number() });
export const runBaseline = (run: AssessmentRun) => {
  const parsed = baselineSchema.safeParse(run.baseline);
  return parsed.success ? parsed.data : { satisfaction: 0, caseOnTime: 0, inquiryOnTime: 0, rectificationOnTime: 0 };
};

export async function explanationOf(prisma: PrismaClient | Tx, shown: ShownResult, subjectKind: AssessmentSubjectKind, subjectId: number, label: SubjectLabel | undefined): Promise<ScoreExplanationDto> {
  const row = await prisma.periodScore.findUnique({ where: { runId_subjectKind_subjectId: { runId: shown.run.id, subjectKind, subjectId } } });
  if (!row) throw new AppError("NOT_FOUND");
  const frozenName = shown.snapshot ? readSnapshot(shown.snapshot).rows.find((r) => r.subjectKind === subjectKind && r.subjectId === subjectId)?.name : undefined;
  return {
    period: presentPeriod(shown.period),
    subjectKind,
    subjectId,
    name: frozenName ?? label?.name ?? `#${subjectId}`,
    runId: shown.run.id,
    ruleSetVersion: shown.ruleSetVersion,
    frozen: shown.snapshot !== null,
    score: row.score,
    rank: row.rank,
    sampleSize: row.sampleSize,
    decision: asDecision(row.decision),
    decisionReason: row.decisionReason,
    decisionReasonEn: row.decisionReasonEn,
    baseline: runBaseline(shown.run),
    lines: storedLines(row.components),
  };
}

// ---------------------------------------------------------------------------------------------
// Periods and trends

/** The last `count` periods of a kind up to the one containing `now`, newest first. */
export function recentPeriods(kind: PeriodKind, now: Date, count: number): Period[] {
  const out: Period[] = [periodContaining(kind, now)];
  while (out.length < count) out.push(previousPeriod(out[out.length - 1]!));
  return out;
}

export async function periodStatuses(prisma: PrismaClient, centerId: number, periods: readonly Period[]): Promise<PeriodStatusDto[]> {
  if (periods.length === 0) return [];
  const kind = periods[0]!.kind;
  const starts = periods.map((p) => p.start);
  const [runs, snapshots, comments] = await Promise.all([
    prisma.assessmentRun.findMany({ where: { centerId, periodKind: kind, periodStart: { in: starts } }, orderBy: [{ id: "desc" }] }),
    prisma.publishedSnapshot.findMany({ where: { centerId, periodKind: kind, periodStart: { in: starts } }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] }),
    kind === "WEEK"
      ? prisma.reviewComment.findMany({ where: { publishedAt: { not: null }, run: { centerId, periodKind: kind, periodStart: { in: starts } } }, select: { publishedAt: true, run: { select: { periodStart: true } } } })
      : Promise.resolve([]),
  ]);
  return periods.map((p) => {
    const t = p.start.getTime();
    const snapshot = snapshots.find((s) => s.periodStart.getTime() === t);
    const ofPeriod = runs.filter((r) => r.periodStart.getTime() === t);
    const shown = snapshot ? ofPeriod.find((r) => r.id === snapshot.runId) : (ofPeriod.find((r) => r.state === "DONE") ?? ofPeriod[0]);
    const weekPublished = comments.filter((c) => c.run.periodStart.getTime() === t).map((c) => c.publishedAt!.getTime());
    const publishedAt = snapshot?.publishedAt ?? (weekPublished.length ? new Date(Math.max(...weekPublished)) : null);
    return {
      period: presentPeriod(p),
      runId: shown?.id ?? null,
      runState: (shown?.state as PeriodStatusDto["runState"]) ?? null,
      status: publishedAt ? "PUBLISHED" : shown?.state === "DONE" ? "COMPUTED" : "NOT_COMPUTED",
      publishedAt: publishedAt?.toISOString() ?? null,
    };
  });
}

export async function trendOf(prisma: PrismaClient, centerId: number, subjectKind: AssessmentSubjectKind, subjectId: number, periods: readonly Period[]): Promise<TrendPointDto[]> {
  const statuses = await periodStatuses(prisma, centerId, periods);
  const runIds = statuses.filter((s) => s.runState === "DONE" && s.runId !== null).map((s) => s.runId!);
  const [scores, counts] = await Promise.all([
    prisma.periodScore.findMany({ where: { runId: { in: runIds }, subjectKind, subjectId }, select: { runId: true, score: true, rank: true, satisfaction: true } }),
    prisma.periodScore.groupBy({ by: ["runId"], where: { runId: { in: runIds }, subjectKind }, _count: { _all: true } }),
  ]);
  const byRun = new Map(scores.map((s) => [s.runId, s]));
  const ofRun = new Map(counts.map((c) => [c.runId, c._count._all]));
  return statuses
    .map((s): TrendPointDto => {
      const row = s.runId !== null ? byRun.get(s.runId) : undefined;
      return { period: s.period, score: row?.score ?? null, rank: row?.rank ?? null, of: row && s.runId !== null ? (ofRun.get(s.runId) ?? null) : null, satisfaction: row?.satisfaction ?? null };
    })
    .reverse();
}
