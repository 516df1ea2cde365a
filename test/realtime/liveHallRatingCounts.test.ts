// Ratings reach the map's tiles and the display's tally as increments, not re-reads of the database.
// Increments are only right if none is lost or counted twice when a recompute (a shift change, a pad
// connecting) reads the database while ratings commit: here hundreds of ratings race recomputes of the
// same windows, and at the end the live tiles and the display's tally equal what a fresh read says.
import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HallSync, type HallView } from "../../client/src/features/liveHall/lib/hallSync.ts";
import type { DisplayEnvelope, DisplaySatisfactionDto, DisplaySnapshotDto } from "../../server/src/contracts/display.ts";
import { hallSnapshotSchema, type HallSnapshot } from "../../server/src/contracts/liveHall.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let centerId: number;
let supervisor: ApiClient;
let sync: HallSync;
let latest: HallView | null = null;
let tally: DisplaySatisfactionDto | null = null;
const pads: TestPad[] = [];
const sockets: Socket[] = [];

async function until(what: string, pred: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const freshHall = async (): Promise<HallSnapshot> => hallSnapshotSchema.parse((await supervisor.get("/api/live/snapshot")).body);
const freshDisplay = async (): Promise<DisplaySnapshotDto> => (await new ApiClient(server.url).get<DisplaySnapshotDto>("/api/display/snapshot")).body;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { WALKUP_MIN_INTERVAL_S: "0" } });
  const { prisma } = server.services;
  centerId = (await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const accounts = await demoAccounts(server, centerId);
  supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  const socket = openSupervisorSocket(server.url, supervisor);
  sockets.push(socket);
  sync = new HallSync(socket, freshHall, (v) => (latest = v));
  sync.start();
  const display = connect(`${server.url}/display`, { forceNew: true, transports: ["websocket"], auth: { centerId } });
  sockets.push(display);
  display.on("display.satisfaction", (e: DisplayEnvelope<DisplaySatisfactionDto>) => (tally = e.data));
  for (const w of await prisma.window.findMany({ where: { centerId, active: true }, orderBy: { number: "asc" }, take: 3 })) pads.push(await connectPad(server, w.id));
  await until("the first snapshot", () => latest?.status === "live");
}, 120_000);

afterAll(async () => {
  sync?.stop();
  for (const p of pads) p.close();
  for (const s of sockets) s.close();
  await server?.stop();
});

describe("ratings as increments", () => {
  it("racing recomputes of the same windows, every rating is counted once on the map and the display", async () => {
    const before = await freshDisplay();
    const levels = [5, 4, 3, 2, 1, 5, 5, 4];
    let n = 0;
    for (let round = 0; round < 8; round++) {
      // Recomputes of the three windows start now, and read the database while the next ratings commit
      for (const p of pads) server.services.events.emit("window.changed", { centerId, windowId: p.windowId });
      const acks = await Promise.all(
        Array.from({ length: 30 }, (_, i) => {
          const pad = pads[i % pads.length]!;
          const level = levels[(n + i) % levels.length]!;
          return pad.submit({ id: randomUUID(), level, ratedAt: new Date(clock.now().getTime() + n + i).toISOString() });
        }),
      );
      expect(acks.every((a) => a.ok && !a.duplicate)).toBe(true);
      n += acks.length;
    }

    const fresh = await freshHall();
    const shown = () => pads.map((p) => latest?.tiles.get(p.windowId));
    const wanted = pads.map((p) => fresh.tiles.find((t) => t.windowId === p.windowId));
    await until("the live tiles to settle", () => JSON.stringify(shown().map((t) => [t?.today, t?.lastRating])) === JSON.stringify(wanted.map((t) => [t?.today, t?.lastRating])));
    expect(wanted.reduce((sum, t) => sum + (t?.today.ratings ?? 0), 0)).toBeGreaterThanOrEqual(n);

    const display = await freshDisplay();
    expect(display.satisfaction.total).toBe(before.satisfaction.total + n);
    await until("the display's tally to settle", () => tally?.total === display.satisfaction.total);
    expect(tally).toEqual(display.satisfaction);
  }, 60_000);

  it("ratings committed together are announced as one tile per window, not one per rating", async () => {
    const pad = pads[0]!;
    const before = latest?.tiles.get(pad.windowId)?.today.ratings ?? 0;
    const heard: number[] = [];
    const off = server.services.events.on("liveHall.tile", (e) => e.windowId === pad.windowId && heard.push(e.tile.today.ratings));
    try {
      const acks = await Promise.all(Array.from({ length: 12 }, (_, i) => pad.submit({ id: randomUUID(), level: 5, ratedAt: new Date(clock.now().getTime() + 10_000 + i).toISOString() })));
      expect(acks.every((a) => a.ok && !a.duplicate)).toBe(true);
      await until("the tile to count them", () => heard.at(-1) === before + 12);
      // Twelve submits in one frame of one socket commit as one group (two at most, if a commit fell between)
      expect(heard.length).toBeLessThanOrEqual(2);
    } finally {
      off();
    }
  }, 30_000);
});
