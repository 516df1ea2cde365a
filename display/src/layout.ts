// How the hall's windows are laid out on the screen at hand. Each zone is a block of tile columns
// filled top to bottom; tiles keep a size whose words (window name, "请到此窗口", the staff member) are
// readable across the hall. When the zones do not all fit side by side (a 1366×768 screen), they are
// split into pages that the screen shows in turn, never cut off or shrunk into ellipses.

/** The least tile width at which a window's name (up to ten characters), its state and who is on duty fit on their lines. */
export const TILE_MIN_WIDTH = 176;
/** A tile's height: number and state, the window's name, the staff member or the reason (three lines). */
export const TILE_HEIGHT = 66;
export const TILE_GAP = 6;
export const ZONE_GAP = 12;

export interface ZonePlan {
  zone: string;
  /** Index of the zone in the order given */
  index: number;
  cols: number;
}

export interface DisplayPlan {
  rows: number;
  pages: ZonePlan[][];
}

/**
 * Rows that fit the height, each zone's columns at that many rows, and the zones packed in order into
 * pages no wider than the screen. A zone wider than the screen on its own still gets a page of its own.
 */
export function planDisplay(zoneSizes: readonly { zone: string; count: number }[], area: { width: number; height: number }): DisplayPlan {
  const rows = Math.max(2, Math.floor((area.height + TILE_GAP) / (TILE_HEIGHT + TILE_GAP)));
  const maxCols = Math.max(1, Math.floor((area.width + ZONE_GAP) / (TILE_MIN_WIDTH + ZONE_GAP)));
  const pages: ZonePlan[][] = [];
  let page: ZonePlan[] = [];
  let used = 0;
  zoneSizes.forEach(({ zone, count }, index) => {
    const cols = Math.max(1, Math.ceil(count / rows));
    if (page.length > 0 && used + cols > maxCols) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push({ zone, index, cols });
    used += cols;
  });
  if (page.length > 0) pages.push(page);
  return { rows, pages };
}

/** How long each page stays on the screen when the hall does not fit on one. */
export const PAGE_SECONDS = 12;
