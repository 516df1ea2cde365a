// The pure rules of an inspection record: every checklist item answered exactly once, the deduction
// of each failed item from the checklist version the inspector saw, and the time a retried save keeps.
import type { ChecklistItem } from "../../contracts/inspections.ts";
import type { ErrorIssue } from "../../contracts/errors.ts";

/** A save retried from a flaky tablet may arrive late; older than this it is refused. */
export const MAX_SAVE_AGE_MS = 24 * 60 * 60 * 1000;

export interface ScoredFinding {
  code: string;
  passed: boolean;
  deduction: number;
  note: string | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreFindings(items: readonly ChecklistItem[], answers: readonly { code: string; passed: boolean; note?: string }[]): { findings: ScoredFinding[]; total: number } | { issues: ErrorIssue[] } {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!byCode.has(a.code)) issues.push({ path: `findings.${i}.code`, code: "unknown_item", message: "检查项目不在该版本的督查清单中", messageEn: "Not an item of this checklist version" });
    else if (seen.has(a.code)) issues.push({ path: `findings.${i}.code`, code: "duplicate", message: "检查项目重复", messageEn: "Item answered twice" });
    seen.add(a.code);
  });
  for (const item of items) {
    if (!seen.has(item.code)) issues.push({ path: "findings", code: "missing_item", message: `未填写检查项目「${item.label}」`, messageEn: `Item ${item.labelEn} not answered` });
  }
  if (issues.length) return { issues };
  const findings = items.map((item) => {
    const a = answers.find((x) => x.code === item.code)!;
    return { code: item.code, passed: a.passed, deduction: a.passed ? 0 : item.deduction, note: a.note ? a.note : null };
  });
  return { findings, total: round1(findings.reduce((sum, f) => sum + f.deduction, 0)) };
}

/**
 * When the inspection happened: the tablet's time of its first try, sent with retries only; a time
 * ahead of the server's (a tablet clock running fast) becomes now, one more than a day old is refused.
 */
export function inspectionTime(claimed: string | undefined, now: Date): Date | null {
  if (!claimed) return now;
  const at = new Date(claimed);
  if (now.getTime() - at.getTime() > MAX_SAVE_AGE_MS) return null;
  return at.getTime() > now.getTime() ? now : at;
}
