// Cases and accountability records as JSON. The citizen's phone and ID number leave only masked.
import type { AccountabilityDto } from "../contracts/accountability.ts";
import type { CaseDto, CaseLookupDto, CaseStateValue } from "../contracts/cases.ts";
import { allowedActions } from "../domain/cases/caseStateMachine.ts";
import type { WorkCalendar } from "../domain/calendar/workingDays.ts";
import { workingDaysLeft } from "../domain/calendar/workingDays.ts";
import type { AccountabilityRecord, Case, CaseTransition } from "../generated/prisma/client.ts";

export type CaseWithNames = Case & {
  item: { name: string };
  window: { number: number };
  handledBy: { name: string };
  transitions?: CaseTransition[];
};

const RUNNING: readonly CaseStateValue[] = ["ACCEPTED", "IN_PROGRESS", "SUSPENDED"];

export function presentCase(c: CaseWithNames, now: Date, calendar: WorkCalendar, actorNames: Map<number, string> = new Map()): CaseDto {
  return {
    id: c.id,
    centerId: c.centerId,
    caseNo: c.caseNo,
    itemId: c.itemId,
    itemName: c.item.name,
    departmentId: c.departmentId,
    windowId: c.windowId,
    windowNumber: c.window.number,
    handledById: c.handledById,
    handledByName: c.handledBy.name,
    citizenName: c.citizenName,
    citizenIdMasked: c.citizenIdMasked,
    citizenPhoneMasked: `*******${c.citizenPhoneLast4}`,
    channel: c.channel,
    state: c.state,
    acceptedAt: c.acceptedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    statutoryDueAt: c.statutoryDueAt.toISOString(),
    promisedLimitDays: c.promisedLimitDays,
    statutoryLimitDays: c.statutoryLimitDays,
    suspendedDays: c.suspendedDays,
    warning: c.warning,
    workingDaysLeft: RUNNING.includes(c.state) ? workingDaysLeft(calendar, now, c.dueAt) : null,
    completedAt: c.completedAt?.toISOString() ?? null,
    rejectedReason: c.rejectedReason,
    allowedActions: allowedActions(c.state),
    ...(c.transitions
      ? {
          transitions: c.transitions.map((t) => ({
            fromState: t.fromState,
            toState: t.toState,
            at: t.at.toISOString(),
            actorName: t.actorId !== null ? (actorNames.get(t.actorId) ?? null) : null,
            reason: t.reason,
          })),
        }
      : {}),
  };
}

export function presentLookup(c: Case & { item: { name: string } }, now: Date, calendar: WorkCalendar): CaseLookupDto {
  return {
    caseNo: c.caseNo,
    state: c.state,
    itemName: c.item.name,
    dueAt: c.dueAt.toISOString(),
    workingDaysLeft: RUNNING.includes(c.state) ? workingDaysLeft(calendar, now, c.dueAt) : null,
  };
}

export const presentAccountability = (r: AccountabilityRecord & { staff: { name: string }; case: { caseNo: string } | null }): AccountabilityDto => ({
  id: r.id,
  centerId: r.centerId,
  kind: r.kind,
  source: r.source,
  state: r.state,
  staffId: r.staffId,
  staffName: r.staff.name,
  windowId: r.windowId,
  caseId: r.caseId,
  caseNo: r.case?.caseNo ?? null,
  description: r.description,
  proposedPoints: r.proposedPoints,
  consequence: r.consequence,
  occurredAt: r.occurredAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionReason: r.decisionReason,
});
