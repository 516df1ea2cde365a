// The hall display's layout (display/src/layout.ts): rows from the height, each zone as many columns as
// its windows need at that many rows, zones packed in order into pages no wider than the screen.
import { describe, expect, it } from "vitest";
import { planDisplay, TILE_GAP, TILE_HEIGHT, TILE_MIN_WIDTH, ZONE_GAP } from "../../display/src/layout.ts";

const hall = [10, 11, 22, 14, 10, 10, 10, 3].map((count, i) => ({ zone: `${"ABCDEFGH"[i]}区`, count }));

describe("planDisplay", () => {
  it("puts the demo hall's 90 windows on one page of a 1920×1080 screen", () => {
    const plan = planDisplay(hall, { width: 1872, height: 800 });
    expect(plan.rows).toBe(11);
    expect(plan.pages).toHaveLength(1);
    expect(plan.pages[0]!.map((z) => z.cols)).toEqual([1, 1, 2, 2, 1, 1, 1, 1]);
  });

  it("splits a smaller screen into pages, in zone order, none wider than the screen", () => {
    const width = 1318;
    const plan = planDisplay(hall, { width, height: 520 });
    const maxCols = Math.floor((width + ZONE_GAP) / (TILE_MIN_WIDTH + ZONE_GAP));
    expect(plan.pages.length).toBeGreaterThan(1);
    expect(plan.pages.flat().map((z) => z.index)).toEqual(hall.map((_, i) => i));
    for (const page of plan.pages) expect(page.reduce((n, z) => n + z.cols, 0)).toBeLessThanOrEqual(maxCols);
    for (const z of plan.pages.flat()) expect(z.cols * plan.rows).toBeGreaterThanOrEqual(hall[z.index]!.count);
    expect(plan.rows * (TILE_HEIGHT + TILE_GAP) - TILE_GAP).toBeLessThanOrEqual(520);
  });

  it("gives a zone wider than the screen a page of its own rather than dropping windows", () => {
    const plan = planDisplay([{ zone: "A", count: 2 }, { zone: "B", count: 40 }, { zone: "C", count: 2 }], { width: 400, height: 200 });
    expect(plan.pages.map((p) => p.map((z) => z.zone))).toEqual([["A"], ["B"], ["C"]]);
  });
});
