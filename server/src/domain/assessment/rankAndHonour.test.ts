// Ranking and honours of a quarter: order-free, veto-safe, sample-fair, and quota-exact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../contracts/assessmentRules.ts";
import { honourQuota, rankAndHonour, type ScoredSubject, type SubjectKind } from "./rankAndHonour.ts";
import { emptyFacts, hallBaseline, mergeFacts, scoreSubject, type HallBaseline, type SubjectFacts } from "./scoreSubject.ts";
import { baselineArb, factsArb } from "./testFacts.ts";

const rules = DEFAULT_RULES;

const subjectsArb = fc
  .array(fc.tuple(fc.constantFrom<SubjectKind>("WINDOW", "STAFF", "DEPARTMENT"), factsArb(), fc.boolean()), { maxLength: 40 })
  .map((rows) => rows.map(([subjectKind, facts, partyMemberPost], i) => ({ subjectKind, subjectId: i + 1, partyMemberPost, facts })));

function scoreAll(baseline: HallBaseline, rows: { subjectKind: SubjectKind; subjectId: number; partyMemberPost: boolean; facts: SubjectFacts }[]): ScoredSubject[] {
  return rows.map((r) => ({ subjectKind: r.subjectKind, subjectId: r.subjectId, partyMemberPost: r.partyMemberPost, score: scoreSubject(rules, baseline, r.facts) }));
}

const invited = (level: 1 | 2 | 3 | 4 | 5, count: number) => ({ level, bound: true, defaulted: false, appealUpheld: false, count });

describe("rankAndHonour properties", () => {
  it("does not depend on the order of its input, and ranks each kind 1…n", () => {
    fc.assert(
      fc.property(
        baselineArb,
        subjectsArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))),
        (baseline, [rows, permuted]) => {
          const a = rankAndHonour(rules, scoreAll(baseline, rows));
          expect(rankAndHonour(rules, scoreAll(baseline, permuted))).toEqual(a);
          for (const kind of ["WINDOW", "STAFF", "DEPARTMENT"] as const) {
            expect(a.ranked.filter((r) => r.subjectKind === kind).map((r) => r.rank)).toEqual(rows.filter((r) => r.subjectKind === kind).map((_, i) => i + 1));
          }
        },
      ),
    );
  });
  it("never honours a vetoed or under-sampled subject, honours exactly min(quota, eligible) and those are the best-ranked eligible", () => {
    fc.assert(
      fc.property(baselineArb, subjectsArb, (baseline, rows) => {
        const scored = scoreAll(baseline, rows);
        const { ranked, quota } = rankAndHonour(rules, scored);
        for (const r of ranked) {
          const s = scored.find((x) => x.subjectId === r.subjectId)!;
          if (s.score.vetoes.length > 0) expect(r.honour).toBeNull();
          if (r.honour) expect(r.eligible && r.meetsMinSamples).toBe(true);
        }
        for (const [kind, honour] of [["WINDOW", "RED_FLAG_WINDOW"], ["STAFF", "SERVICE_MODEL"]] as const) {
          const group = ranked.filter((r) => r.subjectKind === kind);
          const eligible = group.filter((r) => r.eligible);
          const honoured = group.filter((r) => r.honour === honour);
          expect(honoured.length).toBe(Math.min(quota[honour], eligible.length));
          expect(honoured).toEqual(eligible.slice(0, honoured.length));
        }
        expect(ranked.filter((r) => r.subjectKind === "DEPARTMENT" && r.honour !== null)).toEqual([]);
      }),
    );
  });
  it("a window with 1 perfect rating never outranks one with 200 ratings averaging 4.9, whatever the rest of the hall", () => {
    fc.assert(
      fc.property(baselineArb, fc.array(factsArb(), { maxLength: 6 }), (baseline, others) => {
        const lucky = { ...emptyFacts(), ratings: [invited(5, 1)] };
        const steady = { ...emptyFacts(), ratings: [invited(5, 180), invited(4, 20)] };
        const rows = [lucky, steady, ...others].map((facts, i) => ({ subjectKind: "WINDOW" as const, subjectId: i + 1, partyMemberPost: false, facts }));
        // Also with the hall mean these windows really produce, not only an arbitrary one.
        for (const b of [baseline, hallBaseline(rules, mergeFacts(rows.map((r) => r.facts)))]) {
          const ranked = rankAndHonour(rules, scoreAll(b, rows)).ranked;
          expect(ranked.find((r) => r.subjectId === 2)!.rank).toBeLessThan(ranked.find((r) => r.subjectId === 1)!.rank);
        }
      }),
    );
  });
  it("flooding walk-up ratings from one pad cannot move a window past one with genuine invited ratings", () => {
    fc.assert(
      fc.property(factsArb(), factsArb(), fc.integer({ min: 1, max: 1_000_000 }), (genuine, gamer, flood) => {
        const rows = (g: SubjectFacts) => [
          { subjectKind: "WINDOW" as const, subjectId: 1, partyMemberPost: false, facts: genuine },
          { subjectKind: "WINDOW" as const, subjectId: 2, partyMemberPost: false, facts: g },
        ];
        const flooded = { ...gamer, ratings: [...gamer.ratings, { level: 5 as const, bound: false, defaulted: false, appealUpheld: false, count: flood }] };
        // The hall mean is recomputed with the flood in it, as the real run would.
        const rank = (g: SubjectFacts) => {
          const r = rows(g);
          return rankAndHonour(rules, scoreAll(hallBaseline(rules, mergeFacts(r.map((x) => x.facts))), r)).ranked.map((x) => x.subjectId);
        };
        expect(rank(flooded)).toEqual(rank(gamer));
      }),
    );
  });
});

describe("rankAndHonour examples", () => {
  it("sizes the quota: 10 % rounded down, at least one, at most the maximum", () => {
    expect(honourQuota(rules, "RED_FLAG_WINDOW", 90)).toBe(9);
    expect(honourQuota(rules, "RED_FLAG_WINDOW", 5)).toBe(1);
    expect(honourQuota(rules, "RED_FLAG_WINDOW", 450)).toBe(10);
    expect(honourQuota(rules, "SERVICE_MODEL", 0)).toBe(1);
  });
  it("breaks an exact tie by the lower id and explains every decision", () => {
    const baseline = hallBaseline(rules, emptyFacts());
    const same = { ...emptyFacts(), ratings: [invited(5, 40)] };
    const vetoed = { ...emptyFacts(), ratings: [invited(5, 400)], accountability: { WRONGFUL_ACTION: 1 } };
    const small = { ...emptyFacts(), ratings: [invited(5, 3)] };
    const rows = [
      { subjectKind: "WINDOW" as const, subjectId: 9, partyMemberPost: true, facts: same },
      { subjectKind: "WINDOW" as const, subjectId: 4, partyMemberPost: false, facts: same },
      { subjectKind: "WINDOW" as const, subjectId: 7, partyMemberPost: false, facts: vetoed },
      { subjectKind: "WINDOW" as const, subjectId: 1, partyMemberPost: false, facts: small },
    ];
    const { ranked } = rankAndHonour(rules, scoreAll(baseline, rows));
    expect(ranked.map((r) => [r.subjectId, r.rank, r.decision])).toEqual([
      [7, 1, "VETOED"],
      [4, 2, "HONOURED"],
      [9, 3, "OUTSIDE_QUOTA"],
      [1, 4, "BELOW_MIN_SAMPLES"],
    ]);
    expect(ranked[0]!.reason).toContain("乱作为");
    expect(ranked[0]!.reasonEn).toContain("wrongful action");
    expect(ranked[2]!.partyMemberPost).toBe(true);
    expect(ranked[3]!.reason).toContain("少于30条");
  });
});
