// Waiting and service times of the queue system's finished tickets (wait = call − ticket issued,
// service = finish − start), grouped by the staff member who served and by the item: what a window's
// detail shows beside its own averages. Pure; no-shows count apart and have no times.
import type { QueueTimesRow } from "../../contracts/liveHall.ts";

export interface FinishedTicket {
  finishedAt: Date | null;
  noShow: boolean;
  waitSeconds: number | null;
  serviceSeconds: number | null;
  staff: { id: number; name: string } | null;
  item: { id: number; name: string } | null;
}

const average = (xs: (number | null)[]): number | null => {
  const ns = xs.filter((x): x is number => x !== null);
  return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : null;
};

/** Rows by `key` of the tickets finished (not no-shows) in [from, to], most served first. A ticket without
 * staff or item (the queue system did not say) is grouped under id null. */
export function queueTimesBy(tickets: readonly FinishedTicket[], key: "staff" | "item", from: Date, to: Date): QueueTimesRow[] {
  const groups = new Map<number | null, { name: string | null; tickets: FinishedTicket[] }>();
  for (const t of tickets) {
    if (t.noShow || !t.finishedAt || t.finishedAt < from || t.finishedAt > to) continue;
    const who = t[key];
    const group = groups.get(who?.id ?? null) ?? { name: who?.name ?? null, tickets: [] };
    group.tickets.push(t);
    groups.set(who?.id ?? null, group);
  }
  return [...groups]
    .map(([id, g]) => ({ id, name: g.name, served: g.tickets.length, avgWaitSeconds: average(g.tickets.map((t) => t.waitSeconds)), avgServiceSeconds: average(g.tickets.map((t) => t.serviceSeconds)) }))
    // the unreported group last: it names nobody to look at
    .sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.served - a.served || (a.name ?? "").localeCompare(b.name ?? "", "zh-CN"));
}
