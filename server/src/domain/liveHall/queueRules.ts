// Pure rules of a queue ticket's life (叫号): issued → called at a window → service started →
// finished, or no-show. Reports may arrive late or out of order (the queue machine retries), so each
// one fills in its own fact and the figures are recomputed from the facts: wait = first call − issue,
// service = finish − start (or − call when the start was never reported).
import type { QueueEventKind } from "../../contracts/queue.ts";

export interface TicketFacts {
  issuedAt: Date;
  windowId: number | null;
  calledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  noShow: boolean;
}

export interface TicketFigures {
  waitSeconds: number | null;
  serviceSeconds: number | null;
}

export type StepOutcome = { ok: true; facts: TicketFacts } | { ok: false; reason: "AFTER_END" | "ALREADY_FINISHED" | "NO_SHOW_AFTER_SERVICE" | "SERVICE_AFTER_NO_SHOW" };

const earliest = (a: Date | null, b: Date): Date => (a && a <= b ? a : b);

/** Applies one report (not ISSUED: that only creates the ticket) to a ticket's facts. */
export function applyQueueStep(facts: TicketFacts, step: { kind: Exclude<QueueEventKind, "ISSUED">; at: Date; windowId: number }): StepOutcome {
  const { kind, at, windowId } = step;
  const ended = facts.finishedAt;
  if (kind === "NO_SHOW") {
    if (facts.startedAt || (ended && !facts.noShow)) return { ok: false, reason: "NO_SHOW_AFTER_SERVICE" };
    if (facts.noShow) return { ok: false, reason: "ALREADY_FINISHED" };
    return { ok: true, facts: { ...facts, windowId, calledAt: earliest(facts.calledAt, at), finishedAt: at, noShow: true } };
  }
  if (facts.noShow) return { ok: false, reason: "SERVICE_AFTER_NO_SHOW" };
  if (kind === "FINISHED") {
    if (ended) return { ok: false, reason: "ALREADY_FINISHED" };
    return { ok: true, facts: { ...facts, windowId, calledAt: earliest(facts.calledAt, at), finishedAt: at } };
  }
  // A call or start reported after the finish is a late report of what happened before it; a later one is a mistake.
  if (ended && at > ended) return { ok: false, reason: "AFTER_END" };
  if (kind === "CALLED") return { ok: true, facts: { ...facts, windowId, calledAt: earliest(facts.calledAt, at) } };
  return { ok: true, facts: { ...facts, windowId, calledAt: earliest(facts.calledAt, at), startedAt: earliest(facts.startedAt, at) } };
}

const seconds = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

export function ticketFigures(facts: TicketFacts): TicketFigures {
  const served = facts.finishedAt && !facts.noShow ? facts.finishedAt : null;
  const serviceFrom = facts.startedAt ?? facts.calledAt;
  return {
    waitSeconds: facts.calledAt ? seconds(facts.issuedAt, facts.calledAt) : null,
    serviceSeconds: served && serviceFrom ? seconds(serviceFrom, served) : null,
  };
}
