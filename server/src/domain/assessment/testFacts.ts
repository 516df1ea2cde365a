// fast-check arbitraries for the assessment facts, shared by the score and ranking property tests.
import fc from "fast-check";
import { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import { COMMENDATION_KINDS, RATING_LEVELS } from "../../contracts/assessmentRules.ts";
import { DEFAULT_CHECKLIST } from "../../contracts/inspections.ts";
import type { HallBaseline, RatingCount, SubjectFacts, TimedCounts } from "./scoreSubject.ts";

const count = (max: number) => fc.integer({ min: 0, max });

export const ratingCountArb: fc.Arbitrary<RatingCount> = fc.record({
  level: fc.constantFrom(...RATING_LEVELS),
  bound: fc.boolean(),
  defaulted: fc.boolean(),
  appealUpheld: fc.boolean(),
  count: count(500),
});

const timedArb: fc.Arbitrary<TimedCounts> = fc.record({ onTime: count(300), late: count(30) });
const findingCodes = [...DEFAULT_CHECKLIST.map((i) => i.code), "NEW_ITEM"];

export const factsArb = (opts: { clean?: boolean } = {}): fc.Arbitrary<SubjectFacts> =>
  fc.record({
    ratings: fc.array(ratingCountArb, { maxLength: 12 }),
    cases: timedArb,
    inquiries: timedArb,
    rectifications: timedArb,
    inspectionFindings: fc.dictionary(fc.constantFrom(...findingCodes), count(5)),
    accountability: opts.clean ? fc.constant({}) : fc.dictionary(fc.constantFrom(...ACCOUNTABILITY_KINDS), count(3)),
    substantiatedComplaints: opts.clean ? fc.constant(0) : count(3),
    commendations: fc.dictionary(fc.constantFrom(...COMMENDATION_KINDS), count(4)),
  });

const pts = fc.double({ min: 0, max: 100, noNaN: true });
export const baselineArb: fc.Arbitrary<HallBaseline> = fc.record({ satisfaction: pts, caseOnTime: pts, inquiryOnTime: pts, rectificationOnTime: pts });
