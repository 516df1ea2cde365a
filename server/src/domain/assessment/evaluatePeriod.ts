// One period's whole evaluation as a pure function: facts per window and staff member in, every
// subject's score, explanation, rank and decision out. Departments are scored on the merge of their
// staff's facts, and the hall baseline on the merge of every window's. The run (runAssessment.ts)
// only adds the database around it, so the properties tested here hold for the stored results too.
import type { AssessmentRules } from "../../contracts/assessmentRules.ts";
import type { Period } from "./periods.ts";
import { rankAndHonour, type HonourKind, type RankedSubject, type SubjectKind } from "./rankAndHonour.ts";
import { emptyFacts, hallBaseline, mergeFacts, scoreSubject, type HallBaseline, type ScoreResult, type SubjectFacts } from "./scoreSubject.ts";

export interface SubjectRoster {
  windows: readonly { id: number; partyPost: boolean }[];
  staff: readonly { id: number; departmentId: number; partyPost: boolean }[];
  departments: readonly { id: number }[];
}

export interface EvaluatedSubject extends RankedSubject {
  score: ScoreResult;
}

export interface PeriodEvaluation {
  baseline: HallBaseline;
  subjects: EvaluatedSubject[];
  quota: Record<HonourKind, number>;
}

const byId = <T extends { id: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id - b.id);

export function evaluatePeriod(
  rules: AssessmentRules,
  period: Pick<Period, "kind">,
  roster: SubjectRoster,
  facts: { windows: ReadonlyMap<number, SubjectFacts>; staff: ReadonlyMap<number, SubjectFacts> },
): PeriodEvaluation {
  // Sorted by id before merging, so the merged rating lists (and everything after) do not depend on
  // the order the rows came in.
  const windows = byId(roster.windows);
  const staff = byId(roster.staff);
  const departments = byId(roster.departments);
  const factsOf = (map: ReadonlyMap<number, SubjectFacts>, id: number) => map.get(id) ?? emptyFacts();
  const baseline = hallBaseline(rules, mergeFacts(windows.map((w) => factsOf(facts.windows, w.id))));

  const scored: { subjectKind: SubjectKind; subjectId: number; partyMemberPost: boolean; score: ScoreResult }[] = [
    ...windows.map((w) => ({ subjectKind: "WINDOW" as const, subjectId: w.id, partyMemberPost: w.partyPost, score: scoreSubject(rules, baseline, factsOf(facts.windows, w.id)) })),
    ...staff.map((s) => ({ subjectKind: "STAFF" as const, subjectId: s.id, partyMemberPost: s.partyPost, score: scoreSubject(rules, baseline, factsOf(facts.staff, s.id)) })),
    ...departments.map((d) => ({
      subjectKind: "DEPARTMENT" as const,
      subjectId: d.id,
      partyMemberPost: false,
      score: scoreSubject(rules, baseline, mergeFacts(staff.filter((s) => s.departmentId === d.id).map((s) => factsOf(facts.staff, s.id)))),
    })),
  ];
  const { ranked, quota } = rankAndHonour(rules, scored);
  const scoreOf = new Map(scored.map((s) => [`${s.subjectKind}:${s.subjectId}`, s.score]));
  const isQuarter = period.kind === "QUARTER";
  const subjects = ranked.map((r): EvaluatedSubject => {
    const score = scoreOf.get(`${r.subjectKind}:${r.subjectId}`)!;
    if (isQuarter || r.decision === "VETOED" || r.decision === "BELOW_MIN_SAMPLES" || r.decision === "NOT_HONOURED_KIND") return { ...r, score };
    // Honours are a quarter's only: a week's or month's leaders are ranked, not proposed.
    const kindZh = period.kind === "MONTH" ? "月度" : "每周";
    const kindEn = period.kind === "MONTH" ? "monthly" : "weekly";
    return {
      ...r,
      score,
      honour: null,
      decision: "NOT_HONOURED_KIND",
      reason: `第${r.rank}名，${r.total}分；${kindZh}排名不评选荣誉`,
      reasonEn: `rank ${r.rank}, ${r.total} points; ${kindEn} rankings earn no honour`,
    };
  });
  return { baseline, subjects, quota: isQuarter ? quota : { RED_FLAG_WINDOW: 0, SERVICE_MODEL: 0 } };
}
