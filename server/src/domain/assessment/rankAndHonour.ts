// The quarter's ranking and honours. Windows and staff are ranked separately (departments too, but
// they earn no honour). The order is total, so the result never depends on the order of the input:
//   1. subjects with at least the minimum sample of counted ratings before those without
//      (a window with three ratings cannot outrank one with three thousand, whatever the hall mean);
//   2. higher total score;
//   3. higher satisfaction after shrinkage (what citizens said weighs most);
//   4. fewer deduction points;
//   5. more counted ratings;
//   6. lower subject id (stable, and documented so nobody has to guess).
// Honours go down that order to eligible subjects only: enough samples and no veto (一票否决).
import type { AssessmentRules } from "../../contracts/assessmentRules.ts";
import type { ScoreResult } from "./scoreSubject.ts";

export type SubjectKind = "WINDOW" | "STAFF" | "DEPARTMENT";
export type HonourKind = "RED_FLAG_WINDOW" | "SERVICE_MODEL";

export interface ScoredSubject {
  subjectKind: SubjectKind;
  subjectId: number;
  /** 党员责任岗: shown beside the result, never a factor */
  partyMemberPost: boolean;
  score: ScoreResult;
}

export type DecisionCode = "HONOURED" | "VETOED" | "BELOW_MIN_SAMPLES" | "OUTSIDE_QUOTA" | "NOT_HONOURED_KIND";

export interface RankedSubject {
  subjectKind: SubjectKind;
  subjectId: number;
  partyMemberPost: boolean;
  rank: number;
  total: number;
  sampleSize: number;
  meetsMinSamples: boolean;
  /** Eligible for an honour: enough samples and no veto (PeriodScore.eligible) */
  eligible: boolean;
  honour: HonourKind | null;
  decision: DecisionCode;
  reason: string;
  reasonEn: string;
}

export interface QuarterResult {
  /** Windows, then staff, then departments, each in rank order */
  ranked: RankedSubject[];
  quota: Record<HonourKind, number>;
}

const HONOUR_OF: Record<SubjectKind, HonourKind | null> = { WINDOW: "RED_FLAG_WINDOW", STAFF: "SERVICE_MODEL", DEPARTMENT: null };
const HONOUR_LABEL: Record<HonourKind, { zh: string; en: string }> = {
  RED_FLAG_WINDOW: { zh: "红旗窗口", en: "red flag window" },
  SERVICE_MODEL: { zh: "服务标兵", en: "service model" },
};

function minSamplesOf(rules: AssessmentRules, kind: SubjectKind): number {
  // A department's sample is its staff's ratings together; the window minimum is the fair bar for it.
  return kind === "STAFF" ? rules.minSamples.staff : rules.minSamples.window;
}

/** Honours of a kind for a population: share rounded down, at least min, at most max. */
export function honourQuota(rules: AssessmentRules, honour: HonourKind, population: number): number {
  const q = honour === "RED_FLAG_WINDOW" ? rules.honours.redFlagWindows : rules.honours.serviceModels;
  return Math.min(q.max, Math.max(q.min, Math.floor(q.share * population + 1e-9)));
}

const cents = (n: number) => Math.round(n * 100);

export function compareSubjects(rules: AssessmentRules, a: ScoredSubject, b: ScoredSubject): number {
  const min = minSamplesOf(rules, a.subjectKind);
  const meetsA = a.score.sampleSize >= min ? 1 : 0;
  const meetsB = b.score.sampleSize >= min ? 1 : 0;
  return (
    meetsB - meetsA ||
    cents(b.score.total) - cents(a.score.total) ||
    cents(b.score.satisfaction) - cents(a.score.satisfaction) ||
    cents(a.score.deductions) - cents(b.score.deductions) ||
    b.score.sampleSize - a.score.sampleSize ||
    a.subjectId - b.subjectId
  );
}

export function rankAndHonour(rules: AssessmentRules, subjects: readonly ScoredSubject[]): QuarterResult {
  const ranked: RankedSubject[] = [];
  const quota: Record<HonourKind, number> = { RED_FLAG_WINDOW: 0, SERVICE_MODEL: 0 };
  for (const kind of ["WINDOW", "STAFF", "DEPARTMENT"] as const) {
    const group = subjects.filter((s) => s.subjectKind === kind).sort((a, b) => compareSubjects(rules, a, b));
    const honour = HONOUR_OF[kind];
    const min = minSamplesOf(rules, kind);
    const n = honour ? honourQuota(rules, honour, group.length) : 0;
    if (honour) quota[honour] = n;
    let granted = 0;
    group.forEach((s, i) => {
      const meets = s.score.sampleSize >= min;
      const vetoed = s.score.vetoes.length > 0;
      const eligible = meets && !vetoed;
      const base = { subjectKind: kind, subjectId: s.subjectId, partyMemberPost: s.partyMemberPost, rank: i + 1, total: s.score.total, sampleSize: s.score.sampleSize, meetsMinSamples: meets, eligible };
      const rankZh = `第${i + 1}名，${s.score.total}分`;
      const rankEn = `rank ${i + 1}, ${s.score.total} points`;
      if (!honour) {
        ranked.push({ ...base, honour: null, decision: "NOT_HONOURED_KIND", reason: `${rankZh}；部门不评选荣誉`, reasonEn: `${rankEn}; departments earn no honour` });
        return;
      }
      const label = HONOUR_LABEL[honour];
      if (vetoed) {
        ranked.push({
          ...base,
          honour: null,
          decision: "VETOED",
          reason: `${rankZh}；不得评为${label.zh}：${s.score.vetoes.map((v) => v.reason).join("；")}`,
          reasonEn: `${rankEn}; not eligible as ${label.en}: ${s.score.vetoes.map((v) => v.reasonEn).join("; ")}`,
        });
      } else if (!meets) {
        ranked.push({
          ...base,
          honour: null,
          decision: "BELOW_MIN_SAMPLES",
          reason: `${rankZh}；计入评价${s.score.sampleSize}条，少于${min}条，不参加${label.zh}评选`,
          reasonEn: `${rankEn}; ${s.score.sampleSize} counted ratings, fewer than ${min}: not eligible as ${label.en}`,
        });
      } else if (granted < n) {
        granted += 1;
        ranked.push({
          ...base,
          honour,
          decision: "HONOURED",
          reason: `${rankZh}；符合条件者中排第${granted}，在本季度${n}个名额内，推荐为${label.zh}`,
          reasonEn: `${rankEn}; #${granted} among the eligible, within this quarter's ${n} place(s): proposed as ${label.en}`,
        });
      } else {
        ranked.push({
          ...base,
          honour: null,
          decision: "OUTSIDE_QUOTA",
          reason: `${rankZh}；符合条件，但本季度${n}个${label.zh}名额已由排名更前者获得`,
          reasonEn: `${rankEn}; eligible, but this quarter's ${n} ${label.en} place(s) went to higher-ranked subjects`,
        });
      }
    });
  }
  return { ranked, quota };
}
