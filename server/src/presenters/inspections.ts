// Inspection records as JSON: findings carry their checklist labels (from the version used) and the
// accountability record proposed from them, if any.
import { checklistBodySchema, DEFAULT_CHECKLIST, type InspectionDto } from "../contracts/inspections.ts";
import type { Inspection, InspectionFinding } from "../generated/prisma/client.ts";

export const INSPECTION_INCLUDE = {
  window: { select: { number: true, name: true } },
  staff: { select: { name: true, staffNo: true } },
  checklist: { select: { version: true, items: true } },
  findings: { orderBy: { id: "asc" } },
  accountability: { select: { id: true, sourceKey: true } },
} as const;

export type InspectionRow = Inspection & {
  window: { number: number; name: string };
  staff: { name: string; staffNo: string } | null;
  checklist: { version: number; items: unknown } | null;
  findings: InspectionFinding[];
  accountability: { id: number; sourceKey: string | null }[];
};

/** The source key of the accountability record proposed from one finding (one click, once). */
export const findingSourceKey = (inspectionId: string, code: string): string => `inspection:${inspectionId}:${code}`;

export function presentInspection(row: InspectionRow, inspectorName: string): InspectionDto {
  const parsed = row.checklist ? checklistBodySchema.safeParse({ items: row.checklist.items }) : null;
  const items = parsed ? (parsed.success ? parsed.data.items : []) : DEFAULT_CHECKLIST;
  const labels = new Map(items.map((i) => [i.code, i]));
  const proposed = new Map(row.accountability.map((a) => [a.sourceKey, a.id]));
  return {
    id: row.clientId,
    centerId: row.centerId,
    windowId: row.windowId,
    windowNumber: row.window.number,
    windowName: row.window.name,
    staffId: row.staffId,
    staffName: row.staff?.name ?? null,
    staffNo: row.staff?.staffNo ?? null,
    inspectorId: row.inspectorId,
    inspectorName,
    checklistVersion: row.checklist?.version ?? 0,
    at: row.at.toISOString(),
    note: row.note,
    hasPhoto: row.photoPath !== null,
    totalDeduction: row.totalDeduction,
    findings: row.findings.map((f) => ({
      code: f.checkCode,
      label: labels.get(f.checkCode)?.label ?? f.checkCode,
      labelEn: labels.get(f.checkCode)?.labelEn ?? f.checkCode,
      passed: f.passed,
      deduction: f.deduction,
      note: f.note,
      accountabilityId: proposed.get(findingSourceKey(row.clientId, f.checkCode)) ?? null,
    })),
  };
}
