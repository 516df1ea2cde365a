// Rectifications as JSON. The citizen's number leaves only masked; the full one only through the audited
// reveal route (routes/rectifications).
import type { RectificationDto, RectificationEventDto, RectificationListItemDto, RectificationState, Resolution } from "../contracts/rectifications.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { maskPhone, type FieldCipher } from "../lib/crypto.ts";
import { nextStepOf } from "../domain/rectifications/stepRules.ts";

export const rectificationInclude = {
  evaluation: {
    include: {
      window: { select: { number: true, name: true, departments: { select: { departmentId: true } } } },
      staff: { select: { name: true } },
      case: { select: { caseNo: true } },
    },
  },
  owner: { select: { name: true, departmentId: true } },
} as const satisfies Prisma.RectificationInclude;

export type RectificationRow = Prisma.RectificationGetPayload<{ include: typeof rectificationInclude }>;

const reasonsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : []);

/** The masked number, or null when none is stored or it cannot be read (a replaced key must not break the list). */
function maskedPhone(row: { citizenPhoneEnc: string | null }, cipher: FieldCipher): string | null {
  if (!row.citizenPhoneEnc) return null;
  try {
    return maskPhone(cipher.decrypt(row.citizenPhoneEnc));
  } catch {
    return "***********";
  }
}

export function presentRectificationItem(r: RectificationRow, now: Date, cipher: FieldCipher): RectificationListItemDto {
  const state = r.state as RectificationState;
  const e = r.evaluation;
  return {
    id: r.id,
    centerId: r.centerId,
    state,
    nextStep: nextStepOf({ state, callbackReached: r.callbackReached }),
    evaluation: {
      id: e.id,
      level: e.level,
      reasons: reasonsOf(e.reasons),
      comment: e.comment,
      channel: e.channel,
      ratedAt: e.ratedAt.toISOString(),
      windowId: e.windowId,
      windowNumber: e.window?.number ?? null,
      windowName: e.window?.name ?? null,
      staffId: e.staffId,
      staffName: e.staff?.name ?? null,
      caseId: e.caseId,
      caseNo: e.case?.caseNo ?? null,
    },
    ownerStaffId: r.ownerStaffId,
    ownerName: r.owner?.name ?? null,
    openedAt: r.openedAt.toISOString(),
    stepDueAt: state === "CLOSED" ? null : r.stepDueAt.toISOString(),
    overdue: state !== "CLOSED" && now.getTime() > r.stepDueAt.getTime(),
    everOverdue: r.overdueAt !== null || (r.closedAt !== null && r.closedAt > r.stepDueAt),
    planDueAt: r.planDueAt?.toISOString() ?? null,
    citizenPhoneMasked: maskedPhone(r, cipher),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

/** The departments whose liaisons see the ticket: those stationed at the rated window, and the owner's. */
export const departmentIdsOf = (r: RectificationRow): number[] => [
  ...new Set([...(r.evaluation.window?.departments.map((d) => d.departmentId) ?? []), ...(r.owner ? [r.owner.departmentId] : [])]),
];

export type RectificationEventRow = Prisma.RectificationEventGetPayload<object>;

export function presentRectification(
  r: RectificationRow,
  events: RectificationEventRow[],
  names: Map<number, string>,
  now: Date,
  cipher: FieldCipher,
  can: { act: boolean; revealPhone: boolean },
): RectificationDto {
  return {
    ...presentRectificationItem(r, now, cipher),
    verified: r.verified,
    verifyNote: r.verifyNote,
    resolution: r.resolution as Resolution | null,
    resolutionNote: r.resolutionNote,
    callbackReached: r.callbackReached,
    callbackSatisfied: r.callbackSatisfied,
    callbackNote: r.callbackNote,
    phonePurgeAt: r.phonePurgeAt?.toISOString() ?? null,
    phoneConsentAt: r.phoneConsentAt?.toISOString() ?? null,
    events: events.map(
      (ev): RectificationEventDto => ({
        id: ev.id,
        step: ev.step as RectificationEventDto["step"],
        at: ev.at.toISOString(),
        actorId: ev.actorId,
        actorName: ev.actorId === null ? null : (names.get(ev.actorId) ?? null),
        data: ev.data !== null && typeof ev.data === "object" && !Array.isArray(ev.data) ? (ev.data as Record<string, unknown>) : null,
      }),
    ),
    can,
  };
}
