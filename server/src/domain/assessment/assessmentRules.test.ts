// The rules schema: the defaults parse and survive a JSON round trip (they are stored as Json), and
// the invariants an administrator's edit must keep are enforced.
import { describe, expect, it } from "vitest";
import { assessmentRulesSchema, DEFAULT_RULES } from "../../contracts/assessmentRules.ts";
import { DEFAULT_CHECKLIST } from "../../contracts/inspections.ts";

const edit = (patch: (r: typeof DEFAULT_RULES) => unknown) => assessmentRulesSchema.safeParse(patch(structuredClone(DEFAULT_RULES)));

describe("assessmentRulesSchema", () => {
  it("parses the defaults, also after a JSON round trip", () => {
    expect(assessmentRulesSchema.parse(JSON.parse(JSON.stringify(DEFAULT_RULES)))).toEqual(DEFAULT_RULES);
  });
  it("takes the inspection deductions from the checklist", () => {
    for (const item of DEFAULT_CHECKLIST) expect(DEFAULT_RULES.deductions.inspectionFinding[item.code]).toBe(item.deduction);
  });
  it("refuses weights that do not add up to 1", () => {
    expect(edit((r) => ({ ...r, weights: { ...r.weights, satisfaction: 0.7 } })).success).toBe(false);
  });
  it("refuses a lower level earning more than a higher one", () => {
    expect(edit((r) => ({ ...r, levelPoints: { ...r.levelPoints, "2": 70 } })).success).toBe(false);
  });
  it("refuses unknown keys, a quota minimum above its maximum, a duplicated veto, a negative deduction", () => {
    expect(edit((r) => ({ ...r, extra: 1 })).success).toBe(false);
    expect(edit((r) => ({ ...r, honours: { ...r.honours, serviceModels: { share: 0.1, min: 5, max: 2 } } })).success).toBe(false);
    expect(edit((r) => ({ ...r, vetoes: { ...r.vetoes, accountabilityKinds: ["WRONGFUL_ACTION", "WRONGFUL_ACTION"] } })).success).toBe(false);
    expect(edit((r) => ({ ...r, deductions: { ...r.deductions, substantiatedComplaint: -1 } })).success).toBe(false);
    expect(edit((r) => ({ ...r, schemaVersion: 2 })).success).toBe(false);
  });
  it("has no switch for upheld appeals: they are always excluded", () => {
    expect(edit((r) => ({ ...r, exclude: { ...r.exclude, appealUpheld: false } })).success).toBe(false);
  });
});
