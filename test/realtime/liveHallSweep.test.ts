// Time alone changes a window's state (opening, lunch): the tile feed's sweep announces exactly the
// tiles whose state changed, so the map turns red at opening time for every empty window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TileMessage } from "../../server/src/contracts/liveHall.ts";
import { attachTileFeed, type TileFeed } from "../../server/src/domain/liveHall/tileFeed.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T00:55:00.000Z"); // Monday 08:55 in Shanghai, before opening
let server: TestServer;
let feed: TileFeed;
const announced: TileMessage[] = [];

beforeAll(async () => {
  server = await startTestServer({ clock });
  // A second feed on the same server, swept by hand (the server's own sweeps only on the real clock)
  feed = attachTileFeed(server.services);
  server.services.events.on("liveHall.tile", (m) => announced.push(m));
});
afterAll(async () => {
  await feed?.stop();
  await server?.stop();
});

describe("tile feed sweep", () => {
  it("announces nothing while nothing changes, then every empty window as unattended at opening, then closed at lunch", async () => {
    const { prisma } = server.services;
    const staffed = await prisma.shift.count({ where: { endedAt: null, window: { active: true } } });
    await feed.sweep(); // learns the current tiles
    await feed.sweep();
    expect(announced).toHaveLength(0);

    clock.set("2026-11-30T01:01:00.000Z"); // 09:01
    await feed.sweep();
    expect(announced.length).toBe(90 - staffed);
    expect(announced.every((m) => m.tile.state.kind === "UNATTENDED")).toBe(true);
    expect(new Set(announced.map((m) => m.windowId)).size).toBe(announced.length);

    announced.length = 0;
    clock.set("2026-11-30T04:10:00.000Z"); // 12:10, lunch
    await feed.sweep();
    expect(announced.length).toBe(90 - staffed);
    expect(announced.every((m) => m.tile.state.kind === "CLOSED")).toBe(true);
  });
});
