// A staff member's sign-in, pause, resume and sign-out reach the live hall map and the public display
// without the tile feed reading the database: the change is applied to the facts of the tile last sent
// (applyShiftToTile.ts). Each first tile must be exactly what a fresh read says, and no read may come
// before it (a read paced behind a busy server's other recomputes is what held state changes back).
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISPLAY_EVENTS, type DisplayEnvelope, type DisplayWindowDto } from "../../server/src/contracts/display.ts";
import type { WindowTile } from "../../server/src/contracts/liveHall.ts";
import { displayWindowOfTile } from "../../server/src/domain/display/displaySnapshot.ts";
import { loadHallTiles } from "../../server/src/domain/liveHall/loadHallTiles.ts";
import type { TileFeedOptions } from "../../server/src/domain/liveHall/tileFeed.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

// Every read the tile feed makes, by the windows it reads; while `hold` is set, a read's result is handed
// over only once it resolves (a read slowed by a busy server). Counted through the feed's own seam (the
// unit lane shares modules between files, so a module mock would not reliably reach the server).
const reads = { windowIds: [] as (readonly number[])[], inFlight: 0, hold: null as Promise<void> | null };
const countReads: TileFeedOptions["wrapRead"] = async (windowIds, read) => {
  reads.windowIds.push(windowIds);
  reads.inFlight++;
  try {
    const hold = reads.hold;
    const result = await read();
    await hold;
    return result;
  } finally {
    reads.inFlight--;
  }
};

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let centerId: number;
let staff: ApiClient;
let display: Socket;
let windowId: number;
/** Tiles of the window announced, with how many reads of it had begun by then */
const tiles: { tile: WindowTile; readsBefore: number }[] = [];
const displayed: DisplayWindowDto[] = [];

const readsOf = (id: number) => reads.windowIds.filter((ids) => ids.includes(id)).length;

async function until(what: string, pred: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock, tileReads: countReads });
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const accounts = await demoAccounts(server, centerId);
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  const me = await staff.get<{ shift: unknown; windows: { id: number }[] }>("/api/shifts/me");
  expect(me.body.shift).toBeNull();
  windowId = me.body.windows[0]!.id;
  server.services.events.on("liveHall.tile", (e) => e.windowId === windowId && tiles.push({ tile: e.tile, readsBefore: readsOf(windowId) }));
  display = connect(`${server.url}/display`, { forceNew: true, transports: ["websocket"], auth: { centerId } });
  display.on(DISPLAY_EVENTS.window, (e: DisplayEnvelope<DisplayWindowDto>) => e.data.id === windowId && displayed.push(e.data));
  await new Promise<void>((resolve, reject) => {
    display.on("connect", () => resolve());
    display.on("connect_error", reject);
  });
  // The feed learns every tile at start, announcing none
  await until("the feed to learn the window's tile", () => readsOf(windowId) === 1 && reads.inFlight === 0, 30_000);
  expect(tiles).toEqual([]);
}, 120_000);

afterAll(async () => {
  display?.close();
  await server?.stop();
});

describe("shift changes on the live hall map", () => {
  it("each sign-in, pause, resume and sign-out is announced from the last tile, as a fresh read would show it, with no read", async () => {
    const steps: { path: string; body?: unknown; kind: string }[] = [
      { path: "/api/shifts/me/sign-in", body: { windowId }, kind: "IDLE" },
      { path: "/api/shifts/me/pause", body: { reason: "MEETING", note: "科室例会" }, kind: "PAUSED" },
      { path: "/api/shifts/me/resume", kind: "IDLE" },
      { path: "/api/shifts/me/pause", body: { reason: "BREAK" }, kind: "PAUSED" },
      { path: "/api/shifts/me/sign-out", kind: "UNATTENDED" },
    ];
    const readsAtStart = readsOf(windowId);
    for (const step of steps) {
      clock.advance(3 * 60_000);
      const seen = tiles.length;
      const shown = displayed.length;
      const res = await staff.post(step.path, step.body);
      expect(res.status, step.path).toBeLessThan(300);
      await until(`the tile after ${step.path}`, () => tiles.length > seen);
      const first = tiles[seen]!;
      expect(first.readsBefore, step.path).toBe(readsAtStart);
      expect(first.tile.state.kind).toBe(step.kind);
      const [fresh] = await loadHallTiles(server.services, { centerId, windowIds: [windowId] });
      expect(first.tile, step.path).toEqual(fresh);
      // The public display's delta is the public part of that same tile
      await until(`the display after ${step.path}`, () => displayed.length > shown);
      expect(displayed[shown], step.path).toEqual(displayWindowOfTile(fresh!));
    }
    expect(tiles.at(-1)?.tile.staff).toBeNull();
    // Nothing read the window again afterwards either (a recompute would send every supervisor the same tile)
    expect(readsOf(windowId)).toBe(readsAtStart);
    expect(tiles.length).toBe(steps.length);
  }, 60_000);

  it("a shift change heard while the window's tile is being read is read again after it, not applied to the tile it replaces", async () => {
    let release = () => {};
    reads.hold = new Promise<void>((resolve) => (release = resolve));
    const readsBefore = readsOf(windowId);
    // A read begins now, reads the database before the sign-in commits and hands its tile over after it
    server.services.events.emit("window.changed", { centerId, windowId });
    await until("the read to begin", () => readsOf(windowId) === readsBefore + 1);
    clock.advance(60_000);
    expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
    reads.hold = null;
    release();
    await until("a read after the sign-in", () => readsOf(windowId) === readsBefore + 2);
    await until("the tile to show the sign-in", () => tiles.at(-1)?.tile.state.kind === "IDLE");
    const [fresh] = await loadHallTiles(server.services, { centerId, windowIds: [windowId] });
    expect(tiles.at(-1)?.tile).toEqual(fresh);
  }, 60_000);
});
