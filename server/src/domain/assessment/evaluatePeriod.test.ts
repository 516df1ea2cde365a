// The whole period pipeline (roster + facts → baseline → scores → ranking → decisions), as properties:
// computing twice gives the same result, the order of the input does not matter, every explanation
// adds up, a department is exactly the merge of its staff, and only a quarter proposes honours.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../contracts/assessmentRules.ts";
import { evaluatePeriod, type SubjectRoster } from "./evaluatePeriod.ts";
import type { PeriodKind } from "./periods.ts";
import { hallBaseline, mergeFacts, scoreSubject, sumContributions, type SubjectFacts } from "./scoreSubject.ts";
import { factsArb } from "./testFacts.ts";

const rules = DEFAULT_RULES;

const hallArb = fc
  .record({
    windows: fc.array(fc.tuple(factsArb(), fc.boolean()), { maxLength: 12 }),
    staff: fc.array(fc.tuple(factsArb(), fc.boolean(), fc.integer({ min: 1, max: 3 })), { maxLength: 16 }),
  })
  .map(({ windows, staff }) => {
    const roster: SubjectRoster = {
      windows: windows.map(([, partyPost], i) => ({ id: i + 1, partyPost })),
      staff: staff.map(([, partyPost, departmentId], i) => ({ id: 100 + i, departmentId, partyPost })),
      departments: [{ id: 1 }, { id: 2 }, { id: 3 }],
    };
    const facts = {
      windows: new Map<number, SubjectFacts>(windows.map(([f], i) => [i + 1, f])),
      staff: new Map<number, SubjectFacts>(staff.map(([f], i) => [100 + i, f])),
    };
    return { roster, facts };
  });

const kindArb = fc.constantFrom<PeriodKind>("WEEK", "MONTH", "QUARTER");

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("evaluatePeriod", () => {
  it("is deterministic and does not depend on the order of the roster or the facts", () => {
    fc.assert(
      fc.property(hallArb, kindArb, fc.nat(), ({ roster, facts }, kind, seed) => {
        const a = evaluatePeriod(rules, { kind }, roster, facts);
        expect(evaluatePeriod(rules, { kind }, roster, facts)).toEqual(a);
        const reordered: SubjectRoster = { windows: shuffled(roster.windows, seed), staff: shuffled(roster.staff, seed + 1), departments: shuffled(roster.departments, seed + 2) };
        const reFacts = { windows: new Map(shuffled([...facts.windows], seed + 3)), staff: new Map(shuffled([...facts.staff], seed + 4)) };
        expect(evaluatePeriod(rules, { kind }, reordered, reFacts)).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it("every subject's explanation adds up to its total; a department is scored on the merge of its staff", () => {
    fc.assert(
      fc.property(hallArb, kindArb, ({ roster, facts }, kind) => {
        const { subjects, baseline } = evaluatePeriod(rules, { kind }, roster, facts);
        expect(baseline).toEqual(hallBaseline(rules, mergeFacts(roster.windows.map((w) => facts.windows.get(w.id)!))));
        for (const s of subjects) {
          expect(sumContributions(s.score.lines)).toBe(s.total);
          expect(s.score.total).toBe(s.total);
        }
        for (const d of roster.departments) {
          const merged = mergeFacts(roster.staff.filter((s) => s.departmentId === d.id).map((s) => facts.staff.get(s.id)!));
          expect(subjects.find((s) => s.subjectKind === "DEPARTMENT" && s.subjectId === d.id)!.total).toBe(scoreSubject(rules, baseline, merged).total);
        }
        expect(subjects.length).toBe(roster.windows.length + roster.staff.length + roster.departments.length);
      }),
      { numRuns: 60 },
    );
  });

  it("only a quarter proposes honours, never for a vetoed subject; weeks and months only rank", () => {
    fc.assert(
      fc.property(hallArb, kindArb, ({ roster, facts }, kind) => {
        const { subjects, quota } = evaluatePeriod(rules, { kind }, roster, facts);
        const honoured = subjects.filter((s) => s.honour !== null);
        if (kind !== "QUARTER") {
          expect(honoured).toEqual([]);
          expect(subjects.every((s) => s.decision !== "HONOURED" && s.decision !== "OUTSIDE_QUOTA")).toBe(true);
        } else {
          expect(honoured.filter((s) => s.honour === "RED_FLAG_WINDOW").length).toBeLessThanOrEqual(quota.RED_FLAG_WINDOW);
          expect(honoured.filter((s) => s.honour === "SERVICE_MODEL").length).toBeLessThanOrEqual(quota.SERVICE_MODEL);
        }
        for (const s of honoured) expect(s.score.vetoes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
