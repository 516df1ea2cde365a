import { describe, expect, it } from "vitest";
import { DEFAULT_CENTER_SETTINGS } from "../../contracts/settings.ts";
import type { WindowTile } from "../../contracts/liveHall.ts";
import type { ShiftEvent } from "../../lib/events.ts";
import { applyShiftToTile } from "./applyShiftToTile.ts";
import type { TileWithFacts, WindowFacts } from "./loadHallTiles.ts";
import { windowStateAt } from "./windowState.ts";

const now = new Date("2026-11-30T02:30:00.000Z"); // Monday 10:30 in Shanghai
const tile: WindowTile = {
  windowId: 3,
  number: 3,
  name: "综合受理",
  zone: "A区",
  partyPost: false,
  departments: [{ id: 1, shortName: "市场监管" }],
  state: { kind: "UNATTENDED", since: "2026-11-30T01:00:00.000Z" },
  staff: null,
  today: { served: 4, casesAccepted: 2, ratings: 10, satisfied: 8, bad: 2, noShows: 0, avgWaitSeconds: 60, avgServiceSeconds: 300 },
  lastRating: { level: 4, ratedAt: "2026-11-30T02:00:00.000Z" },
  warnings: { casesNearDeadline: 1, casesOverdue: 0, openInquiries: 2 },
  pads: { paired: 1, online: 1 },
};
const empty: WindowFacts = {
  active: true,
  workingDay: true,
  hours: DEFAULT_CENTER_SETTINGS,
  shift: null,
  serviceSignals: [],
  excusedAbsence: false,
  lastSignOutAt: null,
};
const unattended: TileWithFacts = { tile: { ...tile, state: windowStateAt(empty, now) }, facts: empty };

const base: ShiftEvent = { centerId: 1, windowId: 3, staffId: 7, shiftId: 40, departmentIds: [1], at: "2026-11-30T02:20:00.000Z" };
const started = (over: Partial<ShiftEvent> = {}, hasPhoto = true) => ({ name: "shift.started" as const, event: { ...base, ...over, staff: { name: "王芳", staffNo: "S007", hasPhoto } } });
const paused = (over: Partial<ShiftEvent> = {}) => ({ name: "shift.paused" as const, event: { ...base, at: "2026-11-30T02:25:00.000Z", ...over, reason: "MEETING" as const, note: "科室例会" } });
const resumed = (over: Partial<ShiftEvent> = {}) => ({ name: "shift.resumed" as const, event: { ...base, at: "2026-11-30T02:28:00.000Z", ...over } });
const ended = (over: Partial<ShiftEvent> = {}) => ({ name: "shift.ended" as const, event: { ...base, at: "2026-11-30T02:29:00.000Z", ...over } });

describe("applyShiftToTile", () => {
  const signedIn = applyShiftToTile(unattended, started(), now)!;
  const onPause = applyShiftToTile(signedIn, paused(), now)!;
  const back = applyShiftToTile(onPause, resumed(), now)!;
  const signedOut = applyShiftToTile(back, ended(), now)!;

  it("a sign-in opens the shift and shows who sits at the window (a photo only if they have one)", () => {
    expect(signedIn.facts.shift).toEqual({ id: 40, staffId: 7, startedAt: new Date(base.at), pause: null, lastResumedAt: null });
    expect(signedIn.tile.state).toEqual({ kind: "IDLE", since: base.at });
    expect(signedIn.tile.staff).toEqual({ id: 7, name: "王芳", staffNo: "S007", photoUrl: "/api/public/staff/7/photo?size=64" });
    expect(applyShiftToTile(unattended, started({}, false), now)!.tile.staff?.photoUrl).toBeNull();
  });

  it("a pause shows its reason and note; a resume counts idle from then", () => {
    expect(onPause.facts.shift?.pause).toEqual({ reason: "MEETING", note: "科室例会", startedAt: new Date("2026-11-30T02:25:00.000Z") });
    expect(onPause.tile.state).toEqual({ kind: "PAUSED", reason: "MEETING", note: "科室例会", since: "2026-11-30T02:25:00.000Z" });
    expect(onPause.tile.staff).toEqual(signedIn.tile.staff);
    expect(back.facts.shift).toMatchObject({ pause: null, lastResumedAt: new Date("2026-11-30T02:28:00.000Z") });
    expect(back.tile.state).toEqual({ kind: "IDLE", since: "2026-11-30T02:28:00.000Z" });
  });

  it("a sign-out empties the window, unattended from the sign-out", () => {
    expect(signedOut.facts).toEqual({ ...empty, lastSignOutAt: new Date("2026-11-30T02:29:00.000Z") });
    expect(signedOut.tile.staff).toBeNull();
    expect(signedOut.tile.state).toEqual({ kind: "UNATTENDED", since: "2026-11-30T02:29:00.000Z" });
    // A sign-out while paused ends the pause with the shift
    expect(applyShiftToTile(onPause, ended(), now)!.tile.state).toEqual({ kind: "UNATTENDED", since: "2026-11-30T02:29:00.000Z" });
  });

  it("changes nothing but the state, the staff and the facts, and not the values given", () => {
    for (const after of [signedIn, onPause, back, signedOut]) {
      expect({ ...after.tile, state: tile.state, staff: null }).toEqual(tile);
      expect({ ...after.facts, shift: null, lastSignOutAt: null }).toEqual(empty);
    }
    expect(unattended.facts.shift).toBeNull();
    expect(signedIn.facts.shift?.pause).toBeNull();
  });

  it("the state still follows the rest of the facts: a window serving a citizen stays serving through a sign-in", () => {
    const serving: TileWithFacts = { tile, facts: { ...empty, serviceSignals: [{ kind: "START", at: new Date("2026-11-30T02:10:00.000Z"), source: "CASE_ACCEPTED" }] } };
    expect(applyShiftToTile(serving, started(), now)!.tile.state).toEqual({ kind: "SERVING", since: "2026-11-30T02:10:00.000Z" });
  });

  it("leaves to a recompute a change that does not follow from the facts", () => {
    expect(applyShiftToTile(unattended, started({ windowId: 4 }), now)).toBeNull(); // another window
    expect(applyShiftToTile(signedIn, started({ shiftId: 41, staffId: 8 }), now)).toBeNull(); // someone is signed in
    expect(applyShiftToTile(signedIn, started(), now)).toBeNull(); // already shown
    for (const change of [paused(), resumed(), ended()]) expect(applyShiftToTile(unattended, change, now)).toBeNull(); // no shift
    for (const change of [paused({ shiftId: 41 }), ended({ shiftId: 41 }), ended({ staffId: 8 })]) expect(applyShiftToTile(signedIn, change, now)).toBeNull(); // another shift
    expect(applyShiftToTile(onPause, paused(), now)).toBeNull(); // already paused
    expect(applyShiftToTile(signedIn, resumed(), now)).toBeNull(); // not paused
    expect(applyShiftToTile(onPause, resumed({ shiftId: 41 }), now)).toBeNull();
  });
});
