// The score and its explanation, as properties over random facts and rules' defaults.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import { DEFAULT_RULES } from "../../contracts/assessmentRules.ts";
import { baselineArb, factsArb } from "./testFacts.ts";
import { emptyFacts, hallBaseline, mergeFacts, scoreSubject, sumContributions, type SubjectFacts } from "./scoreSubject.ts";

const rules = DEFAULT_RULES;
const hundredths = (n: number) => Math.round(n * 100);

describe("scoreSubject explanation", () => {
  it("its lines add up to the total exactly (in hundredths), and every line's contribution is points × weight × units", () => {
    fc.assert(
      fc.property(baselineArb, factsArb(), (baseline, facts) => {
        const s = scoreSubject(rules, baseline, facts);
        expect(sumContributions(s.lines)).toBe(s.total);
        expect(s.lines.reduce((sum, l) => sum + hundredths(l.contribution), 0)).toBe(hundredths(s.total));
        expect(Math.abs(s.lines.reduce((sum, l) => sum + l.contribution, 0) - s.total)).toBeLessThan(1e-9);
        for (const l of s.lines) {
          expect(Number.isInteger(hundredths(l.contribution) )).toBe(true);
          expect(l.reason.length).toBeGreaterThan(0);
          expect(l.reasonEn.length).toBeGreaterThan(0);
          if (l.component.startsWith("inspection.") || l.component.startsWith("accountability.") || l.component === "complaints") {
            expect(l.points).toBeLessThan(0);
            expect(hundredths(l.contribution)).toBe(l.rawValue * hundredths(l.points));
          }
        }
      }),
    );
  });
  it("is deterministic and ignores the order of the rating records", () => {
    fc.assert(
      fc.property(
        baselineArb,
        factsArb().chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray([...facts.ratings], { minLength: facts.ratings.length, maxLength: facts.ratings.length }))),
        (baseline, [facts, permuted]) => {
          expect(scoreSubject(rules, baseline, { ...facts, ratings: permuted })).toEqual(scoreSubject(rules, baseline, facts));
          expect(scoreSubject(rules, baseline, facts)).toEqual(scoreSubject(rules, baseline, facts));
        },
      ),
    );
  });
});

describe("scoreSubject properties", () => {
  it("adding a 非常满意 never lowers the satisfaction points", () => {
    fc.assert(
      fc.property(baselineArb, factsArb(), fc.boolean(), (baseline, facts, defaulted) => {
        const before = scoreSubject(rules, baseline, facts);
        const after = scoreSubject(rules, baseline, { ...facts, ratings: [...facts.ratings, { level: 5, bound: true, defaulted, appealUpheld: false, count: 1 }] });
        expect(after.satisfaction).toBeGreaterThanOrEqual(before.satisfaction);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
      }),
    );
  });
  it("a confirmed deduction (accountability record, complaint, failed finding) never raises the score", () => {
    const addOne = fc.oneof(
      fc.constantFrom(...ACCOUNTABILITY_KINDS).map((k) => (f: SubjectFacts): SubjectFacts => ({ ...f, accountability: { ...f.accountability, [k]: (f.accountability[k] ?? 0) + 1 } })),
      fc.constant((f: SubjectFacts): SubjectFacts => ({ ...f, substantiatedComplaints: f.substantiatedComplaints + 1 })),
      fc.constantFrom("ON_POST", "TIDINESS", "SOMETHING_NEW").map((c) => (f: SubjectFacts): SubjectFacts => ({ ...f, inspectionFindings: { ...f.inspectionFindings, [c]: (f.inspectionFindings[c] ?? 0) + 1 } })),
    );
    fc.assert(
      fc.property(baselineArb, factsArb(), addOne, (baseline, facts, add) => {
        const before = scoreSubject(rules, baseline, facts);
        const after = scoreSubject(rules, baseline, add(facts));
        expect(after.total).toBeLessThan(before.total);
      }),
    );
  });
  it("walk-up ratings, however many, do not change a score under the default rules; upheld appeals never count", () => {
    fc.assert(
      fc.property(baselineArb, factsArb(), fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(1, 5), (baseline, facts, flood, level) => {
        const before = scoreSubject(rules, baseline, facts);
        const flooded = { ...facts, ratings: [...facts.ratings, { level, bound: false, defaulted: false, appealUpheld: false, count: flood } as const] };
        expect(scoreSubject(rules, baseline, flooded).total).toBe(before.total);
        const appealed = { ...facts, ratings: [...facts.ratings, { level: 1, bound: true, defaulted: false, appealUpheld: true, count: flood } as const] };
        const lenient = { ...rules, exclude: { unboundWalkUps: false, defaulted: false } };
        expect(scoreSubject(lenient, baseline, appealed).total).toBe(scoreSubject(lenient, baseline, facts).total);
      }),
    );
  });
  it("caps the bonus and vetoes on a wrongful-action record or a substantiated complaint", () => {
    const f: SubjectFacts = { ...emptyFacts(), commendations: { COMMENDATION: 2, BANNER: 1 }, accountability: { WRONGFUL_ACTION: 1, SLOW_ACTION: 2 }, substantiatedComplaints: 1 };
    const s = scoreSubject(rules, hallBaseline(rules, f), f);
    const bonus = s.lines.filter((l) => l.component.startsWith("bonus.")).reduce((x, l) => x + hundredths(l.contribution), 0);
    expect(bonus).toBe(500);
    expect(s.vetoes.map((v) => v.code)).toEqual(["WRONGFUL_ACTION", "SUBSTANTIATED_COMPLAINT"]);
    expect(scoreSubject(rules, hallBaseline(rules, f), { ...f, accountability: { SLOW_ACTION: 2 }, substantiatedComplaints: 0 }).vetoes).toEqual([]);
  });
  // With k = 20 the lucky window's (100 + 20h)/21 stays below the steady one's (19 700 + 20h)/220 while
  // the hall mean h < 98.42 points; above that (a hall of near-perfect windows) only the ranking's
  // minimum-sample rule keeps the lucky one behind — see rankAndHonour.test.ts.
  it("one perfect rating never scores above 200 ratings averaging 4.9 (98.5 points) whenever the hall mean is below 98.4", () => {
    fc.assert(
      fc.property(factsArb({ clean: true }), baselineArb, fc.double({ min: 0, max: 98.4, noNaN: true }), (base, baseline, hallMean) => {
        // Same timeliness and no deductions or bonuses: only the ratings differ.
        const neutral = { ...base, ratings: [], commendations: {}, inspectionFindings: {} };
        const lucky: SubjectFacts = { ...neutral, ratings: [{ level: 5, bound: true, defaulted: false, appealUpheld: false, count: 1 }] };
        const steady: SubjectFacts = { ...neutral, ratings: [{ level: 5, bound: true, defaulted: false, appealUpheld: false, count: 180 }, { level: 4, bound: true, defaulted: false, appealUpheld: false, count: 20 }] };
        const b = { ...baseline, satisfaction: hallMean };
        // Scores are kept in hundredths, so near h = 98.4 the two can round to the same total.
        expect(scoreSubject(rules, b, lucky).total).toBeLessThanOrEqual(scoreSubject(rules, b, steady).total);
      }),
    );
  });
  it("takes the hall mean from counted ratings only; an empty hall falls back to the 基本满意 points and 100 % on time", () => {
    const hall: SubjectFacts = {
      ...emptyFacts(),
      ratings: [
        { level: 5, bound: true, defaulted: false, appealUpheld: false, count: 3 },
        { level: 1, bound: false, defaulted: false, appealUpheld: false, count: 50 },
        { level: 2, bound: true, defaulted: false, appealUpheld: false, count: 1 },
      ],
      cases: { onTime: 9, late: 1 },
    };
    expect(hallBaseline(rules, hall)).toEqual({ satisfaction: 80, caseOnTime: 90, inquiryOnTime: 100, rectificationOnTime: 100 });
    expect(hallBaseline(rules, emptyFacts()).satisfaction).toBe(60);
  });
});
