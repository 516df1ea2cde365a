// The score of one window or staff member over one period, with its explanation: every line says what
// was counted, the points it earned, its weight and its contribution, and the contributions add up to
// the total exactly, because all arithmetic on contributions is done in integer hundredths of a point.
// The facts are counts aggregated by the caller (in SQL); nothing here reads a clock or the database.
import { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import { COMMENDATION_KINDS, type AssessmentRules, type CommendationKind, type RatingLevel } from "../../contracts/assessmentRules.ts";
import { DEFAULT_CHECKLIST } from "../../contracts/inspections.ts";

export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

export interface RatingCount {
  level: RatingLevel;
  /** Invited (bound to an invitation) rather than a walk-up */
  bound: boolean;
  /** Recorded by default after the rating period, not by the citizen */
  defaulted: boolean;
  /** A bad review whose appeal (申诉复核) was upheld */
  appealUpheld: boolean;
  count: number;
}

export interface TimedCounts {
  onTime: number;
  late: number;
}

export interface SubjectFacts {
  ratings: readonly RatingCount[];
  cases: TimedCounts;
  /** First inquiries (首问) closed within their time, or not */
  inquiries: TimedCounts;
  /** Bad-review rectifications finished by their deadline, or not */
  rectifications: TimedCounts;
  /** Failed inspection findings, by checklist code */
  inspectionFindings: Readonly<Record<string, number>>;
  /** Confirmed accountability records, by kind */
  accountability: Readonly<Partial<Record<AccountabilityKind, number>>>;
  substantiatedComplaints: number;
  commendations: Readonly<Partial<Record<CommendationKind, number>>>;
}

/** The hall's averages the small samples are pulled toward, in points 0–100 */
export interface HallBaseline {
  satisfaction: number;
  caseOnTime: number;
  inquiryOnTime: number;
  rectificationOnTime: number;
}

export interface ExplanationLine {
  /** satisfaction, caseTimeliness, inspection.ON_POST, accountability.SLOW_ACTION, bonus.PRAISE_LETTER, bonus.cap … */
  component: string;
  /** What was measured: a raw mean or rate (0–100) for base components, a count for deductions and bonuses */
  rawValue: number;
  /** Points per unit (deductions negative) or, for base components, the component's points after shrinkage */
  points: number;
  weight: number;
  contribution: number;
  reason: string;
  reasonEn: string;
}

export interface Veto {
  code: "WRONGFUL_ACTION" | "INACTION" | "SLOW_ACTION" | "DISOBEDIENCE" | "SUBSTANTIATED_COMPLAINT";
  reason: string;
  reasonEn: string;
}

export interface ScoreResult {
  total: number;
  lines: ExplanationLine[];
  /** Ratings counted toward satisfaction (the sample minimum applies to this) */
  sampleSize: number;
  /** Satisfaction points after shrinkage (a tie-break) */
  satisfaction: number;
  /** Deduction points, as a positive number (a tie-break) */
  deductions: number;
  vetoes: Veto[];
}

export const ACCOUNTABILITY_LABELS: Record<AccountabilityKind, { zh: string; en: string }> = {
  INACTION: { zh: "不作为", en: "inaction" },
  SLOW_ACTION: { zh: "慢作为", en: "slow action" },
  WRONGFUL_ACTION: { zh: "乱作为", en: "wrongful action" },
  DISOBEDIENCE: { zh: "违反纪律", en: "breach of discipline" },
};

const COMMENDATION_LABELS: Record<CommendationKind, { zh: string; en: string }> = {
  PRAISE_LETTER: { zh: "表扬信", en: "praise letter" },
  BANNER: { zh: "锦旗", en: "banner" },
  COMMENDATION: { zh: "通报表扬", en: "commendation" },
};

const cents = (n: number) => Math.round(n * 100);
const round2 = (n: number) => cents(n) / 100;
const fmt = (n: number) => String(round2(n));

/** Whether a rating counts toward satisfaction under the rules; an upheld appeal always removes it. */
export function ratingCounts(rules: AssessmentRules, r: Pick<RatingCount, "bound" | "defaulted" | "appealUpheld">): boolean {
  if (r.appealUpheld) return false;
  if (r.defaulted && rules.exclude.defaulted) return false;
  if (!r.bound && !r.defaulted && rules.exclude.unboundWalkUps) return false;
  return true;
}

function satisfactionSums(rules: AssessmentRules, ratings: readonly RatingCount[]) {
  let n = 0;
  let sum = 0;
  const excluded = { appealUpheld: 0, defaulted: 0, walkUp: 0 };
  for (const r of ratings) {
    if (ratingCounts(rules, r)) {
      n += r.count;
      sum += r.count * rules.levelPoints[String(r.level) as `${RatingLevel}`];
    } else if (r.appealUpheld) excluded.appealUpheld += r.count;
    else if (r.defaulted) excluded.defaulted += r.count;
    else excluded.walkUp += r.count;
  }
  return { n, sum, excluded };
}

const rate = (t: TimedCounts, fallback: number) => (t.onTime + t.late > 0 ? (100 * t.onTime) / (t.onTime + t.late) : fallback);

/**
 * The hall's averages, from the facts of the whole hall for the period. With no counted rating at all
 * the prior is the 基本满意 points (it then shifts every subject equally); with no timed record, 100.
 */
export function hallBaseline(rules: AssessmentRules, hall: SubjectFacts): HallBaseline {
  const s = satisfactionSums(rules, hall.ratings);
  return {
    satisfaction: s.n > 0 ? s.sum / s.n : rules.levelPoints["3"],
    caseOnTime: rate(hall.cases, 100),
    inquiryOnTime: rate(hall.inquiries, 100),
    rectificationOnTime: rate(hall.rectifications, 100),
  };
}

/** Bayesian shrinkage: (n·mean + k·prior)/(n + k), written with the sum to avoid dividing by a zero n. */
const shrink = (sum: number, n: number, k: number, prior: number) => (n + k > 0 ? (sum + k * prior) / (n + k) : prior);

export function scoreSubject(rules: AssessmentRules, baseline: HallBaseline, facts: SubjectFacts): ScoreResult {
  const lines: ExplanationLine[] = [];
  const push = (line: Omit<ExplanationLine, "contribution">, contributionCents: number) => lines.push({ ...line, contribution: contributionCents / 100 });
  const weighted = (w: number, p: number) => cents(w * p);

  const sat = satisfactionSums(rules, facts.ratings);
  const k = rules.shrinkage.satisfaction;
  const satPoints = round2(shrink(sat.sum, sat.n, k, baseline.satisfaction));
  const rawMean = sat.n > 0 ? round2(sat.sum / sat.n) : 0;
  const w = rules.weights.satisfaction;
  push(
    {
      component: "satisfaction",
      rawValue: rawMean,
      points: satPoints,
      weight: w,
      reason: `计入评价${sat.n}条，平均${fmt(rawMean)}分；向全厅平均${fmt(baseline.satisfaction)}分收缩（强度${k}）后${fmt(satPoints)}分，乘权重${w}`,
      reasonEn: `${sat.n} ratings counted, mean ${fmt(rawMean)}; shrunk toward the hall mean ${fmt(baseline.satisfaction)} (strength ${k}) to ${fmt(satPoints)}, times weight ${w}`,
    },
    weighted(w, satPoints),
  );
  const ex = sat.excluded;
  const excludedCount = ex.walkUp + ex.defaulted + ex.appealUpheld;
  if (excludedCount > 0) {
    push(
      {
        component: "satisfaction.excluded",
        rawValue: excludedCount,
        points: 0,
        weight: 0,
        reason: `${excludedCount}条评价不计入：未绑定的自发评价${ex.walkUp}条、默认评价${ex.defaulted}条、申诉成立${ex.appealUpheld}条`,
        reasonEn: `${excludedCount} ratings not counted: ${ex.walkUp} unbound walk-ups, ${ex.defaulted} defaulted, ${ex.appealUpheld} upheld appeals`,
      },
      0,
    );
  }

  const timed: { component: "caseTimeliness" | "inquiryTimeliness" | "rectificationTimeliness"; counts: TimedCounts; prior: number; zh: string; en: string }[] = [
    { component: "caseTimeliness", counts: facts.cases, prior: baseline.caseOnTime, zh: "办件按时办结", en: "cases completed on time" },
    { component: "inquiryTimeliness", counts: facts.inquiries, prior: baseline.inquiryOnTime, zh: "首问按时办结", en: "first inquiries closed on time" },
    { component: "rectificationTimeliness", counts: facts.rectifications, prior: baseline.rectificationOnTime, zh: "差评整改按期完成", en: "rectifications finished on time" },
  ];
  for (const t of timed) {
    const n = t.counts.onTime + t.counts.late;
    const kt = rules.shrinkage.timeliness;
    const raw = n > 0 ? round2((100 * t.counts.onTime) / n) : 0;
    const p = round2(shrink(100 * t.counts.onTime, n, kt, t.prior));
    const wt = rules.weights[t.component];
    push(
      {
        component: t.component,
        rawValue: raw,
        points: p,
        weight: wt,
        reason: `${t.zh}${t.counts.onTime}/${n}（${fmt(raw)}%）；向全厅${fmt(t.prior)}%收缩（强度${kt}）后${fmt(p)}分，乘权重${wt}`,
        reasonEn: `${t.en} ${t.counts.onTime}/${n} (${fmt(raw)}%); shrunk toward the hall's ${fmt(t.prior)}% (strength ${kt}) to ${fmt(p)}, times weight ${wt}`,
      },
      weighted(wt, p),
    );
  }

  let deductionCents = 0;
  const deduct = (component: string, count: number, each: number, zh: string, en: string) => {
    if (count <= 0 || each === 0) return;
    const c = -count * cents(each);
    deductionCents -= c;
    push({ component, rawValue: count, points: -each, weight: 1, reason: `${zh}${count}次，每次扣${fmt(each)}分`, reasonEn: `${en}: ${count} × −${fmt(each)}` }, c);
  };
  const checklistLabel = new Map(DEFAULT_CHECKLIST.map((i) => [i.code, i]));
  for (const code of Object.keys(facts.inspectionFindings).sort()) {
    const each = rules.deductions.inspectionFinding[code] ?? rules.deductions.otherFinding;
    const item = checklistLabel.get(code);
    deduct(`inspection.${code}`, facts.inspectionFindings[code] ?? 0, each, `督查发现「${item?.label ?? code}」问题`, `inspection finding "${item?.labelEn ?? code}"`);
  }
  for (const kind of ACCOUNTABILITY_KINDS) {
    const l = ACCOUNTABILITY_LABELS[kind];
    deduct(`accountability.${kind}`, facts.accountability[kind] ?? 0, rules.deductions.accountability[kind], `经确认的${l.zh}责任追究`, `confirmed ${l.en} record`);
  }
  deduct("complaints", facts.substantiatedComplaints, rules.deductions.substantiatedComplaint, "查实的投诉", "substantiated complaint");

  let bonusCents = 0;
  for (const kind of COMMENDATION_KINDS) {
    const count = facts.commendations[kind] ?? 0;
    const each = rules.bonuses.perCommendation[kind];
    if (count <= 0 || each === 0) continue;
    const c = count * cents(each);
    bonusCents += c;
    const l = COMMENDATION_LABELS[kind];
    push({ component: `bonus.${kind}`, rawValue: count, points: each, weight: 1, reason: `${l.zh}${count}次，每次加${fmt(each)}分`, reasonEn: `${l.en}: ${count} × +${fmt(each)}` }, c);
  }
  const capCents = cents(rules.bonuses.cap);
  if (bonusCents > capCents) {
    push(
      {
        component: "bonus.cap",
        rawValue: bonusCents / 100,
        points: rules.bonuses.cap,
        weight: 1,
        reason: `加分合计${fmt(bonusCents / 100)}分，超过上限${fmt(rules.bonuses.cap)}分的部分不计`,
        reasonEn: `bonuses total ${fmt(bonusCents / 100)}, capped at ${fmt(rules.bonuses.cap)}`,
      },
      capCents - bonusCents,
    );
  }

  const vetoes: Veto[] = [];
  for (const kind of rules.vetoes.accountabilityKinds) {
    const count = facts.accountability[kind] ?? 0;
    if (count > 0) {
      const l = ACCOUNTABILITY_LABELS[kind];
      vetoes.push({ code: kind, reason: `本期有${count}条经确认的${l.zh}责任追究（一票否决）`, reasonEn: `${count} confirmed ${l.en} record(s) this period (veto)` });
    }
  }
  if (rules.vetoes.substantiatedComplaint && facts.substantiatedComplaints > 0) {
    vetoes.push({
      code: "SUBSTANTIATED_COMPLAINT",
      reason: `本期有${facts.substantiatedComplaints}件查实的投诉（一票否决）`,
      reasonEn: `${facts.substantiatedComplaints} substantiated complaint(s) this period (veto)`,
    });
  }

  const totalCents = lines.reduce((s, l) => s + cents(l.contribution), 0);
  return { total: totalCents / 100, lines, sampleSize: sat.n, satisfaction: satPoints, deductions: deductionCents / 100, vetoes };
}

/** The sum of an explanation, in hundredths so it equals the total exactly (what a UI should show). */
export function sumContributions(lines: readonly Pick<ExplanationLine, "contribution">[]): number {
  return lines.reduce((s, l) => s + cents(l.contribution), 0) / 100;
}

/** Adds the facts of several subjects (e.g. a department's staff, or the whole hall for the baseline). */
export function mergeFacts(all: readonly SubjectFacts[]): SubjectFacts {
  const addRecord = <K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>) => {
    const out: Partial<Record<K, number>> = { ...a };
    for (const key of Object.keys(b) as K[]) out[key] = (out[key] ?? 0) + (b[key] ?? 0);
    return out;
  };
  const addTimed = (a: TimedCounts, b: TimedCounts) => ({ onTime: a.onTime + b.onTime, late: a.late + b.late });
  return all.reduce<SubjectFacts>(
    (acc, f) => ({
      ratings: [...acc.ratings, ...f.ratings],
      cases: addTimed(acc.cases, f.cases),
      inquiries: addTimed(acc.inquiries, f.inquiries),
      rectifications: addTimed(acc.rectifications, f.rectifications),
      inspectionFindings: addRecord(acc.inspectionFindings, f.inspectionFindings) as Record<string, number>,
      accountability: addRecord(acc.accountability, f.accountability),
      substantiatedComplaints: acc.substantiatedComplaints + f.substantiatedComplaints,
      commendations: addRecord(acc.commendations, f.commendations),
    }),
    emptyFacts(),
  );
}

export function emptyFacts(): SubjectFacts {
  return {
    ratings: [],
    cases: { onTime: 0, late: 0 },
    inquiries: { onTime: 0, late: 0 },
    rectifications: { onTime: 0, late: 0 },
    inspectionFindings: {},
    accountability: {},
    substantiatedComplaints: 0,
    commendations: {},
  };
}
