import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WindowTile } from "../../contracts/liveHall.ts";
import { applyRatingToTile, shanghaiDayOf } from "./applyRatingToTile.ts";

const tile: WindowTile = {
  windowId: 3,
  number: 3,
  name: "综合受理",
  zone: "A区",
  partyPost: false,
  departments: [{ id: 1, shortName: "市场监管" }],
  state: { kind: "IDLE", since: "2026-11-30T01:00:00.000Z" },
  staff: null,
  today: { served: 4, casesAccepted: 2, ratings: 10, satisfied: 8, bad: 2, noShows: 0, avgWaitSeconds: 60, avgServiceSeconds: 300 },
  lastRating: { level: 4, ratedAt: "2026-11-30T02:00:00.000Z" },
  warnings: { casesNearDeadline: 0, casesOverdue: 0, openInquiries: 0 },
  pads: { paired: 1, online: 1 },
};
const rating = (level: number, ratedAt = "2026-11-30T02:05:00.000Z") => ({ level, ratedAt });
const monday = shanghaiDayOf(new Date("2026-11-30T02:00:00.000Z"));

describe("applyRatingToTile", () => {
  it("counts a good review (levels 3–5) as satisfied, a bad one (1–2) as bad, and makes it the last rating", () => {
    expect(applyRatingToTile(tile, monday, rating(3))?.today).toMatchObject({ ratings: 11, satisfied: 9, bad: 2 });
    expect(applyRatingToTile(tile, monday, rating(2))?.today).toMatchObject({ ratings: 11, satisfied: 8, bad: 3 });
    expect(applyRatingToTile(tile, monday, rating(1))?.lastRating).toEqual({ level: 1, ratedAt: "2026-11-30T02:05:00.000Z" });
  });

  it("keeps a later last rating when an earlier one arrives late (a pad that was offline)", () => {
    expect(applyRatingToTile(tile, monday, rating(5, "2026-11-30T01:00:00.000Z"))?.lastRating).toEqual(tile.lastRating);
  });

  it("leaves a rating of another day to a recompute, and changes nothing but counts and the last rating", () => {
    expect(applyRatingToTile(tile, monday, rating(5, "2026-11-30T16:00:00.000Z"))).toBeNull(); // 00:00 on Tuesday
    expect(applyRatingToTile(tile, monday, rating(5, "2026-11-29T15:59:59.999Z"))).toBeNull(); // Sunday 23:59
    expect(applyRatingToTile(tile, monday, rating(5, "2026-11-29T16:00:00.000Z"))).not.toBeNull(); // Monday 00:00
    const after = applyRatingToTile(tile, monday, rating(5))!;
    expect({ ...after, today: tile.today, lastRating: tile.lastRating }).toEqual(tile);
    expect(tile.today.ratings).toBe(10); // the tile given is not changed
  });

  it("applied one by one, gives the counts a recount gives", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 50 }), (levels) => {
        let t = tile;
        for (const level of levels) t = applyRatingToTile(t, monday, rating(level))!;
        expect(t.today.ratings).toBe(tile.today.ratings + levels.length);
        expect(t.today.satisfied).toBe(tile.today.satisfied + levels.filter((l) => l >= 3).length);
        expect(t.today.bad).toBe(tile.today.bad + levels.filter((l) => l <= 2).length);
      }),
    );
  });
});
