// First-inquiry responsibility: window staff register inquiries and work those they own or received;
// supervisors and leaders read the center's; city leaders every center's.
import type { Actor } from "./actor.ts";
import { canSeeCenter, hasRole } from "./authorize.ts";

export interface InquiryScopeTarget {
  centerId: number;
  firstStaffId: number;
  handovers: { toStaffId: number | null; toWindowId: number }[];
}

export const canRegisterInquiry = (actor: Actor): boolean => hasRole(actor, "STAFF") && actor.staffId !== null && actor.centerId !== null;
export const canReadInquiries = (actor: Actor): boolean => hasRole(actor, "STAFF", "SUPERVISOR", "LEADER", "CITY_LEADER");

/** Staff see what they own and what was handed to them (or to a window they work at). */
export function canSeeInquiry(actor: Actor, i: InquiryScopeTarget, actorWindowIds: readonly number[] = []): boolean {
  if (!canReadInquiries(actor) || !canSeeCenter(actor, i.centerId)) return false;
  if (actor.role !== "STAFF") return true;
  return i.firstStaffId === actor.staffId || i.handovers.some((h) => h.toStaffId === actor.staffId || (h.toStaffId === null && actorWindowIds.includes(h.toWindowId)));
}

/** The first staff member owns the inquiry until it is closed: only they hand it on. */
export const canHandOverInquiry = (actor: Actor, i: InquiryScopeTarget): boolean =>
  hasRole(actor, "STAFF") && actor.centerId === i.centerId && i.firstStaffId === actor.staffId;

export const canWorkInquiry = (actor: Actor, i: InquiryScopeTarget, actorWindowIds: readonly number[] = []): boolean =>
  hasRole(actor, "STAFF") && actor.centerId === i.centerId && canSeeInquiry(actor, i, actorWindowIds);
