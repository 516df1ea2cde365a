// Collects a department's monthly bulletin (简报, #9): its staff working in the hall, their month's
// figures, the lists behind them, the department's standing and a six-month trend.
//
// The figures are the assessment engine's, not a second derivation: the per-staff counts come from
// aggregatePeriodFacts (the facts the month's run scored), ratings are those that count under the rule
// set of that run (ratingCounts: upheld appeals always out; defaulted ratings and unbound walk-ups as
// the rules say), so a staff row's rating total equals the sample behind its score. Scores and ranks
// are read from the MONTH period's latest finished run (PeriodScore), never recomputed.
//
// Cost: a fixed number of grouped queries per department (no per-staff queries), the largest being
// the hall's month of facts; the lists (bad reviews, findings, accountability, commendations) are
// filtered to the department's staff in SQL.
import { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import type { AssessmentRules } from "../../contracts/assessmentRules.ts";
import { assessmentRulesSchema } from "../../contracts/assessmentRules.ts";
import type {
  BulletinAccountability,
  BulletinBadReview,
  BulletinCommendation,
  BulletinContent,
  BulletinFinding,
  BulletinHonour,
  BulletinStaffRow,
  BulletinTrendPoint,
  RatingCounts,
} from "../../contracts/bulletins.ts";
import { INDICATORS } from "../../contracts/indicators.ts";
import { DEFAULT_CHECKLIST } from "../../contracts/inspections.ts";
import type { PrismaClient, Tx } from "../../db/database.ts";
import type { AssessmentRun } from "../../generated/prisma/client.ts";
import { aggregatePeriodFacts } from "../assessment/aggregateFacts.ts";
import { periodByLabel, periodContaining, previousPeriod, type Period } from "../assessment/periods.ts";
import { readSnapshot } from "../assessment/results.ts";
import { ruleSetInForce } from "../assessment/ruleSets.ts";
import { emptyFacts, ratingCounts, type RatingCount, type SubjectFacts } from "../assessment/scoreSubject.ts";

type Db = PrismaClient | Tx;

export interface CollectBulletinOptions {
  centerId: number;
  departmentId: number;
  /** YYYY-MM (Asia/Shanghai) */
  month: string;
  now: Date;
}

const TREND_MONTHS = 6;

export const emptyRatingCounts = (): RatingCounts => ({ level5: 0, level4: 0, level3: 0, level2: 0, level1: 0 });

const levelKey = (level: number): keyof RatingCounts | null => (level >= 1 && level <= 5 && Number.isInteger(level) ? (`level${level}` as keyof RatingCounts) : null);

/** Counts per level of the ratings that count under the rules (the score's sample). */
export function countedRatings(rules: AssessmentRules, ratings: readonly RatingCount[]): RatingCounts {
  const out = emptyRatingCounts();
  for (const r of ratings) {
    const key = levelKey(r.level);
    if (key && ratingCounts(rules, r)) out[key] += r.count;
  }
  return out;
}

export const ratingTotal = (c: RatingCounts): number => c.level5 + c.level4 + c.level3 + c.level2 + c.level1;

/** 好评 (levels 3–5) over all counted ratings; null without ratings. */
export function satisfactionOf(c: RatingCounts): number | null {
  const n = ratingTotal(c);
  return n > 0 ? (c.level5 + c.level4 + c.level3) / n : null;
}

const addCounts = (a: RatingCounts, b: RatingCounts): RatingCounts => ({
  level5: a.level5 + b.level5,
  level4: a.level4 + b.level4,
  level3: a.level3 + b.level3,
  level2: a.level2 + b.level2,
  level1: a.level1 + b.level1,
});

const sum = (record: Readonly<Record<string, number | undefined>>) => Object.values(record).reduce<number>((s, n) => s + (n ?? 0), 0);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The latest finished MONTH run of each period (the run the assessment pages show for a month). */
async function latestMonthRuns(db: Db, centerId: number, periods: readonly Period[]): Promise<Map<string, AssessmentRun>> {
  const runs = await db.assessmentRun.findMany({
    where: { centerId, periodKind: "MONTH", state: "DONE", periodStart: { in: periods.map((p) => p.start) } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
  });
  const byStart = new Map<string, AssessmentRun>();
  for (const r of runs) if (!byStart.has(r.periodStart.toISOString())) byStart.set(r.periodStart.toISOString(), r);
  const out = new Map<string, AssessmentRun>();
  for (const p of periods) {
    const run = byStart.get(p.start.toISOString());
    if (run) out.set(p.label, run);
  }
  return out;
}

/** The rules a month was (or would be) scored under: its run's rule set, else the one in force. */
async function rulesOfMonth(db: Db, centerId: number, period: Period, run: AssessmentRun | undefined): Promise<AssessmentRules> {
  if (run) {
    const row = await db.assessmentRuleSet.findUniqueOrThrow({ where: { id: run.ruleSetId }, select: { rules: true } });
    return assessmentRulesSchema.parse(row.rules);
  }
  return (await ruleSetInForce(db, centerId, period.start)).rules;
}

function monthsEndingWith(period: Period, n: number): Period[] {
  const out = [period];
  while (out.length < n) out.push(previousPeriod(out[out.length - 1]!));
  return out.reverse();
}

type RatingRow = { level: number | bigint; bound: boolean | number | bigint; defaulted: boolean | number | bigint };

/** The department's counted ratings in one month (its home staff, whichever window), for the trend. */
async function departmentMonthRatings(db: Db, centerId: number, departmentId: number, period: Period, rules: AssessmentRules): Promise<RatingCounts> {
  const [groups, upheld] = await Promise.all([
    db.$queryRaw<(RatingRow & { n: number | bigint })[]>`
      SELECT e."level", e."bound", e."defaulted", COUNT(*) AS "n"
      FROM "Evaluation" e JOIN "Staff" s ON s."id" = e."staffId"
      WHERE e."centerId" = ${centerId} AND s."departmentId" = ${departmentId} AND e."ratedAt" >= ${period.start} AND e."ratedAt" < ${period.end}
      GROUP BY e."level", e."bound", e."defaulted"`,
    db.$queryRaw<RatingRow[]>`
      SELECT e."level", e."bound", e."defaulted"
      FROM "Appeal" a CROSS JOIN "Evaluation" e JOIN "Staff" s ON s."id" = e."staffId"
      WHERE e."id" = a."evaluationId" AND a."state" = 'UPHELD' AND e."centerId" = ${centerId} AND s."departmentId" = ${departmentId}
        AND e."ratedAt" >= ${period.start} AND e."ratedAt" < ${period.end}`,
  ]);
  const key = (r: RatingRow) => `${Number(r.level)}:${Boolean(Number(r.bound))}:${Boolean(Number(r.defaulted))}`;
  const upheldBy = new Map<string, number>();
  for (const u of upheld) upheldBy.set(key(u), (upheldBy.get(key(u)) ?? 0) + 1);
  const ratings: RatingCount[] = [];
  for (const g of groups) {
    const level = Number(g.level);
    if (level < 1 || level > 5 || !Number.isInteger(level)) continue;
    const base = { level: level as RatingCount["level"], bound: Boolean(Number(g.bound)), defaulted: Boolean(Number(g.defaulted)) };
    const appealed = upheldBy.get(key(g)) ?? 0;
    ratings.push({ ...base, appealUpheld: false, count: Number(g.n) - appealed });
    if (appealed > 0) ratings.push({ ...base, appealUpheld: true, count: appealed });
  }
  return countedRatings(rules, ratings);
}

/** Checklist labels by code: the center's versions (newest wins) over the built-in list. */
async function checklistLabels(db: Db, centerId: number): Promise<Map<string, string>> {
  const labels = new Map(DEFAULT_CHECKLIST.map((i) => [i.code, i.label]));
  const versions = await db.inspectionChecklist.findMany({ where: { centerId }, orderBy: { version: "asc" }, select: { items: true } });
  for (const v of versions) {
    if (!Array.isArray(v.items)) continue;
    for (const item of v.items) {
      if (item && typeof item === "object" && "code" in item && "label" in item && typeof item.code === "string" && typeof item.label === "string") labels.set(item.code, item.label);
    }
  }
  return labels;
}

const indicatorLabel = new Map(INDICATORS.map((i) => [i.code, i.zh]));
const reasonLabels = (reasons: unknown): string[] => (Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === "string").map((r) => indicatorLabel.get(r) ?? r) : []);

export async function collectBulletinContent(db: PrismaClient | Tx, opts: CollectBulletinOptions): Promise<BulletinContent> {
  const { centerId, departmentId, month, now } = opts;
  const period = periodByLabel(month);
  if (!period || period.kind !== "MONTH") throw new Error(`not a month: ${month}`);
  const inMonth = { gte: period.start, lt: period.end };
  const trendPeriods = monthsEndingWith(period, TREND_MONTHS);

  const [center, department, runs] = await Promise.all([
    db.center.findUniqueOrThrow({ where: { id: centerId }, select: { name: true, code: true } }),
    db.department.findFirstOrThrow({ where: { id: departmentId, centerId }, select: { id: true, code: true, name: true, shortName: true } }),
    latestMonthRuns(db, centerId, trendPeriods),
  ]);
  const run = runs.get(period.label);
  const rules = await rulesOfMonth(db, centerId, period, run);

  const [facts, homeStaff] = await Promise.all([
    aggregatePeriodFacts(db, centerId, period),
    db.staff.findMany({
      where: { centerId, departmentId },
      select: { id: true, staffNo: true, name: true, active: true, windows: { select: { windowId: true } } },
      orderBy: { staffNo: "asc" },
    }),
  ]);
  const homeIds = homeStaff.map((s) => s.id);

  // Windows each person actually worked at in the month: shifts, ratings and completed cases.
  const [shiftWindows, ratingWindows, caseWindows] = await Promise.all([
    db.shift.groupBy({ by: ["staffId", "windowId"], where: { centerId, staffId: { in: homeIds }, startedAt: { lt: period.end }, OR: [{ endedAt: null }, { endedAt: { gte: period.start } }] } }),
    db.evaluation.groupBy({ by: ["staffId", "windowId"], where: { centerId, staffId: { in: homeIds }, ratedAt: inMonth } }),
    db.case.groupBy({ by: ["handledById", "windowId"], where: { centerId, handledById: { in: homeIds }, completedAt: inMonth } }),
  ]);
  const workedAt = new Map<number, Set<number>>();
  const worked = (staffId: number | null, windowId: number | null) => {
    if (staffId === null || windowId === null) return;
    let set = workedAt.get(staffId);
    if (!set) workedAt.set(staffId, (set = new Set()));
    set.add(windowId);
  };
  for (const s of shiftWindows) worked(s.staffId, s.windowId);
  for (const r of ratingWindows) worked(r.staffId, r.windowId);
  for (const c of caseWindows) worked(c.handledById, c.windowId);

  // "Working in the hall" in the month: the home department's staff who have any record in it (a
  // shift, a rating, a case, an inquiry, a finding, an accountability record, a commendation…), or
  // who are active and assigned to a window (present even in a quiet month, with zeros).
  const inHall = homeStaff.filter((s) => workedAt.has(s.id) || facts.staff.has(s.id) || (s.active && s.windows.length > 0));
  const inHallIds = inHall.map((s) => s.id);

  const windowIds = new Set<number>(inHall.flatMap((s) => [...(workedAt.get(s.id) ?? []), ...s.windows.map((w) => w.windowId)]));
  const [windows, departmentWindows] = await Promise.all([
    db.window.findMany({ where: { id: { in: [...windowIds] } }, select: { id: true, number: true } }),
    db.windowDepartment.findMany({ where: { departmentId }, select: { windowId: true } }),
  ]);
  const windowNo = new Map(windows.map((w) => [w.id, String(w.number)]));

  // Lists, filtered to the department's staff in SQL
  const [badReviewRows, findingRows, accountabilityRows, commendationRows, labels] = await Promise.all([
    db.evaluation.findMany({
      where: { centerId, ratedAt: inMonth, level: { lte: 2 }, staffId: { in: inHallIds } },
      select: {
        ratedAt: true,
        staffId: true,
        level: true,
        bound: true,
        defaulted: true,
        reasons: true,
        comment: true,
        window: { select: { number: true } },
        staff: { select: { name: true } },
        rectification: { select: { state: true } },
        appeal: { select: { state: true } },
      },
      orderBy: [{ ratedAt: "asc" }, { id: "asc" }],
    }),
    db.inspectionFinding.findMany({
      where: { passed: false, inspection: { is: { centerId, at: inMonth, staffId: { in: inHallIds } } } },
      select: { checkCode: true, note: true, inspection: { select: { at: true, staffId: true, window: { select: { number: true } }, staff: { select: { name: true } } } } },
      orderBy: [{ inspection: { at: "asc" } }, { id: "asc" }],
    }),
    db.accountabilityRecord.findMany({
      where: { centerId, state: "CONFIRMED", occurredAt: inMonth, staffId: { in: inHallIds } },
      select: { occurredAt: true, staffId: true, kind: true, description: true, consequence: true, staff: { select: { name: true } } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    }),
    db.commendation.findMany({
      where: { centerId, at: inMonth, staffId: { in: inHallIds } },
      select: { at: true, staffId: true, kind: true, note: true, staff: { select: { name: true } } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    checklistLabels(db, centerId),
  ]);

  // Bad reviews as the score counts them (an upheld appeal, or a rating the rules leave out, is not one)
  const countedBad = badReviewRows.filter((e) => ratingCounts(rules, { bound: e.bound, defaulted: e.defaulted, appealUpheld: e.appeal?.state === "UPHELD" }));
  const rectifiedBy = new Map<number, number>();
  for (const e of countedBad) if (e.staffId !== null && e.rectification?.state === "CLOSED") rectifiedBy.set(e.staffId, (rectifiedBy.get(e.staffId) ?? 0) + 1);

  // Scores and ranks of the month's run
  const [staffScores, staffRanked, deptScores, deptAggregate, deptRanked] = run
    ? await Promise.all([
        db.periodScore.findMany({ where: { runId: run.id, subjectKind: "STAFF", subjectId: { in: inHallIds } }, select: { subjectId: true, score: true, rank: true } }),
        db.periodScore.count({ where: { runId: run.id, subjectKind: "STAFF" } }),
        db.periodScore.findMany({
          where: { runId: { in: [...runs.values()].map((r) => r.id) }, subjectKind: "DEPARTMENT", subjectId: departmentId },
          select: { runId: true, score: true, rank: true },
        }),
        // The average of the departments that met the minimum of ratings: the others rank after them
        // whatever their score (the rules' baseline is high), and would lift the average above most ranked ones
        db.periodScore.aggregate({ where: { runId: run.id, subjectKind: "DEPARTMENT", meetsMinSamples: true }, _avg: { score: true } }),
        db.periodScore.count({ where: { runId: run.id, subjectKind: "DEPARTMENT" } }),
      ])
    : [[], 0, await db.periodScore.findMany({ where: { runId: { in: [...runs.values()].map((r) => r.id) }, subjectKind: "DEPARTMENT", subjectId: departmentId }, select: { runId: true, score: true, rank: true } }), null, 0];
  const scoreOf = new Map(staffScores.map((s) => [s.subjectId, s]));
  const deptScoreOfRun = new Map(deptScores.map((s) => [s.runId, s]));

  // Honours of the latest quarter published by the end of the month (the frozen snapshot, as published)
  const snapshot = await db.publishedSnapshot.findFirst({
    where: { centerId, periodKind: "QUARTER", publishedAt: { lt: period.end } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  const quarter = snapshot ? periodContaining("QUARTER", snapshot.periodStart).label : null;
  const granted = snapshot ? readSnapshot(snapshot).honours.filter((h) => h.granted) : [];
  const honourOf = (h: (typeof granted)[number]): BulletinHonour => ({
    kind: h.kind,
    quarter: quarter ?? "",
    subjectName: h.kind === "RED_FLAG_WINDOW" ? (h.code ?? h.name) : h.name,
  });

  const rows: BulletinStaffRow[] = inHall.map((s) => {
    const f: SubjectFacts = facts.staff.get(s.id) ?? emptyFacts();
    const ratings = countedRatings(rules, f.ratings);
    const cases = f.cases.onTime + f.cases.late;
    const ownWindows = new Set([...(workedAt.get(s.id) ?? [])]);
    // Without any record in the month, the windows the person is assigned to
    if (ownWindows.size === 0) for (const w of s.windows) ownWindows.add(w.windowId);
    const score = scoreOf.get(s.id);
    return {
      staffId: s.id,
      staffNo: s.staffNo,
      name: s.name,
      windows: [...ownWindows].map((id) => windowNo.get(id) ?? String(id)).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)),
      score: score ? round2(score.score) : null,
      rankInHall: score ? score.rank : null,
      rankedInHall: staffRanked,
      ratings,
      satisfaction: satisfactionOf(ratings),
      casesCompleted: cases,
      onTimeRate: cases > 0 ? f.cases.onTime / cases : null,
      badReviews: ratings.level1 + ratings.level2,
      badReviewsRectified: rectifiedBy.get(s.id) ?? 0,
      inspectionFindings: sum(f.inspectionFindings),
      accountabilityConfirmed: ACCOUNTABILITY_KINDS.reduce((n, k) => n + (f.accountability[k] ?? 0), 0),
      commendations: sum(f.commendations),
      honours: granted
        .filter((h) => (h.kind === "SERVICE_MODEL" && h.subjectId === s.id) || (h.kind === "RED_FLAG_WINDOW" && ownWindows.has(h.subjectId)))
        .map(honourOf),
    };
  });
  rows.sort((a, b) => (a.rankInHall ?? Number.MAX_SAFE_INTEGER) - (b.rankInHall ?? Number.MAX_SAFE_INTEGER) || a.staffNo.localeCompare(b.staffNo));

  const totalRatings = rows.reduce((acc, r) => addCounts(acc, r.ratings), emptyRatingCounts());
  const totalCases = rows.reduce((n, r) => n + r.casesCompleted, 0);
  const onTimeCases = inHall.reduce((n, s) => n + (facts.staff.get(s.id)?.cases.onTime ?? 0), 0);
  const total = (key: "badReviews" | "badReviewsRectified" | "inspectionFindings" | "accountabilityConfirmed" | "commendations") => rows.reduce((n, r) => n + r[key], 0);

  // Department honours: its staff's service models, and red flags of its own windows or those its staff worked at
  const ownWindowIds = new Set([...departmentWindows.map((w) => w.windowId), ...windowIds]);
  const departmentHonours = granted
    .filter((h) => (h.kind === "SERVICE_MODEL" && inHallIds.includes(h.subjectId)) || (h.kind === "RED_FLAG_WINDOW" && ownWindowIds.has(h.subjectId)))
    .map(honourOf);

  const trendRatings = await Promise.all(trendPeriods.map(async (p) => departmentMonthRatings(db, centerId, departmentId, p, p.label === period.label ? rules : await rulesOfMonth(db, centerId, p, runs.get(p.label)))));
  const trend: BulletinTrendPoint[] = trendPeriods.map((p, i) => {
    const r = runs.get(p.label);
    const d = r ? deptScoreOfRun.get(r.id) : undefined;
    return { month: p.label, departmentScore: d ? round2(d.score) : null, satisfaction: satisfactionOf(trendRatings[i]!) };
  });
  const standingRow = run ? deptScoreOfRun.get(run.id) : undefined;

  const staffName = (s: { name: string } | null) => s?.name ?? null;
  const badReviews: BulletinBadReview[] = countedBad.map((e) => ({
    ratedAt: e.ratedAt.toISOString(),
    staffName: staffName(e.staff),
    windowNo: e.window ? String(e.window.number) : "—",
    level: e.level,
    reasons: reasonLabels(e.reasons),
    comment: e.comment,
    rectificationState: e.rectification?.state ?? null,
  }));
  const findings: BulletinFinding[] = findingRows.map((f) => ({
    inspectedAt: f.inspection.at.toISOString(),
    windowNo: String(f.inspection.window.number),
    staffName: staffName(f.inspection.staff),
    item: labels.get(f.checkCode) ?? f.checkCode,
    note: f.note,
  }));
  const accountability: BulletinAccountability[] = accountabilityRows.map((a) => ({
    occurredAt: a.occurredAt.toISOString(),
    staffName: staffName(a.staff),
    kind: a.kind,
    summary: a.description,
    consequence: a.consequence,
  }));
  const commendations: BulletinCommendation[] = commendationRows.map((c) => ({ at: c.at.toISOString(), staffName: staffName(c.staff), summary: c.note }));

  return {
    center,
    department,
    month: period.label,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    staff: rows,
    totals: {
      ratings: totalRatings,
      satisfaction: satisfactionOf(totalRatings),
      casesCompleted: totalCases,
      onTimeRate: totalCases > 0 ? onTimeCases / totalCases : null,
      badReviews: total("badReviews"),
      badReviewsRectified: total("badReviewsRectified"),
      inspectionFindings: total("inspectionFindings"),
      accountabilityConfirmed: total("accountabilityConfirmed"),
      commendations: total("commendations"),
    },
    standing: {
      score: standingRow ? round2(standingRow.score) : null,
      rank: standingRow ? standingRow.rank : null,
      ranked: deptRanked,
      hallAverage: deptAggregate?._avg.score == null ? null : round2(deptAggregate._avg.score),
    },
    trend,
    badReviews,
    findings,
    accountability,
    commendations,
    honours: departmentHonours,
    comment: null,
    collectedAt: now.toISOString(),
  };
}
