// A sign-in, pause, resume or sign-out changes a window's shift facts and, through them, its state and the
// staff on its tile; nothing else on the tile. Applying it to the facts of the tile last announced gives
// the new tile at once, where re-reading the database held tiles for state changes back (measured: p99
// ~200 ms after the commit on a busy server, the recompute batches being paced by their wall time).
import type { WindowTile } from "../../contracts/liveHall.ts";
import type { DomainEventMap } from "../../lib/events.ts";
import { onDutyPhotoUrl, type TileWithFacts } from "./loadHallTiles.ts";
import { windowStateAt } from "./windowState.ts";

export type ShiftChange =
  | { name: "shift.started"; event: DomainEventMap["shift.started"] }
  | { name: "shift.paused"; event: DomainEventMap["shift.paused"] }
  | { name: "shift.resumed"; event: DomainEventMap["shift.resumed"] }
  | { name: "shift.ended"; event: DomainEventMap["shift.ended"] };

/** The tile and facts after the change, or null when the change does not follow from these facts (another
 * window, a shift they do not have, a pause they already show): then only the database can tell. */
export function applyShiftToTile(last: TileWithFacts, change: ShiftChange, now: Date): TileWithFacts | null {
  const { tile, facts } = last;
  const e = change.event;
  if (e.windowId !== tile.windowId) return null;
  const at = new Date(e.at);
  const open = facts.shift;
  const ours = open !== null && open.id === e.shiftId && open.staffId === e.staffId;
  let next: Pick<TileWithFacts["facts"], "shift" | "lastSignOutAt">;
  let staff: WindowTile["staff"] = tile.staff;
  switch (change.name) {
    case "shift.started": {
      if (open !== null) return null;
      next = { shift: { id: e.shiftId, staffId: e.staffId, startedAt: at, pause: null, lastResumedAt: null }, lastSignOutAt: facts.lastSignOutAt };
      const s = change.event.staff;
      staff = { id: e.staffId, name: s.name, staffNo: s.staffNo, photoUrl: s.hasPhoto ? onDutyPhotoUrl(e.staffId) : null };
      break;
    }
    case "shift.paused":
      if (!ours || open.pause !== null) return null;
      next = { shift: { ...open, pause: { reason: change.event.reason, note: change.event.note, startedAt: at } }, lastSignOutAt: facts.lastSignOutAt };
      break;
    case "shift.resumed":
      if (!ours || open.pause === null) return null;
      next = { shift: { ...open, pause: null, lastResumedAt: at }, lastSignOutAt: facts.lastSignOutAt };
      break;
    case "shift.ended":
      if (!ours) return null;
      next = { shift: null, lastSignOutAt: at };
      staff = null;
      break;
  }
  const newFacts = { ...facts, ...next };
  return { tile: { ...tile, state: windowStateAt(newFacts, now), staff }, facts: newFacts };
}
