// What happens in one turn of the server's event loop reaches a supervisor as one frame: the envelopes in
// order, consecutively numbered per stream, a window's tile once (the latest); unpacked on the client into
// the events listeners always listened to.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unpackSupervisorBatches } from "../../client/src/lib/supervisorBatches.ts";
import type { WindowTile } from "../../server/src/contracts/liveHall.ts";
import { SUPERVISOR_BATCH_EVENT, type SupervisorBatch } from "../../server/src/contracts/supervisorBatch.ts";
import { currentStreamSeq } from "../../server/src/realtime/broadcaster.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

let server: TestServer;
let socket: Socket;
let centerId: number;
let tile: WindowTile;

beforeAll(async () => {
  server = await startTestServer();
  centerId = (await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const accounts = await demoAccounts(server, centerId);
  const supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  const snapshot = (await supervisor.get<{ tiles: WindowTile[] }>("/api/live/snapshot")).body;
  tile = snapshot.tiles[0]!;
  socket = openSupervisorSocket(server.url, supervisor, { reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}, 120_000);

afterAll(async () => {
  socket?.close();
  await server?.stop();
});

describe("the /supervisor batch", () => {
  it("carries one turn's envelopes in order, numbered one by one, with a window's tile only once, the latest", async () => {
    const frames: SupervisorBatch[] = [];
    socket.on(SUPERVISOR_BATCH_EVENT, (b: SupervisorBatch) => frames.push(b));
    unpackSupervisorBatches(socket);
    // The server's own feed may announce real windows meanwhile: this test's messages are told apart
    // by a window and a record that do not exist.
    const WINDOW = 987_654;
    const RECORD = 424_242;
    const mine = ([name, envelope]: SupervisorBatch["items"][number]) => {
      const data = envelope.data as { windowId?: number; recordId?: number };
      return (name === "liveHall.tile" && data.windowId === WINDOW) || (name === "accountability.proposed" && data.recordId === RECORD);
    };
    const tiles: WindowTile[] = [];
    socket.on("liveHall.tile", (e: { data: { tile: WindowTile } }) => e.data.tile.windowId === WINDOW && tiles.push(e.data.tile));

    const stream = `center:${centerId}`;
    const { events } = server.services;
    const at = (n: number) => ({ ...tile, windowId: WINDOW, today: { ...tile.today, ratings: n } });
    const announce = (t: WindowTile) => events.emit("liveHall.tile", { centerId, departmentIds: [], windowId: t.windowId, tile: t, causedAt: Date.now() });
    // One synchronous run: one turn of the loop
    announce(at(1));
    events.emit("accountability.proposed", { centerId, departmentIds: [], recordId: RECORD, kind: "SLOW_ACTION", staffId: 1 });
    announce(at(2));
    announce(at(3));

    await expect.poll(() => frames.flatMap((f) => f.items).filter(mine).length, { timeout: 10_000 }).toBe(2);
    const carrying = frames.filter((f) => f.items.some(mine));
    expect(carrying).toHaveLength(1);
    const items = carrying[0]!.items.filter(mine);
    expect(items.map(([name]) => name)).toEqual(["accountability.proposed", "liveHall.tile"]);
    expect(tiles.map((t) => t.today.ratings)).toEqual([3]);
    expect(items.every(([, e]) => e.stream === stream)).toBe(true);
    // numbered one by one: nothing else can come between two envelopes of one synchronous run
    expect(items[1]![1].seq).toBe(items[0]![1].seq + 1);
    expect(currentStreamSeq(server.services.events, stream)).toBeGreaterThanOrEqual(items[1]![1].seq);
  });

  it("serves once() listeners exactly once, as a socket's own events would", async () => {
    const heard: number[] = [];
    socket.once("accountability.proposed", (e: { data: { recordId: number } }) => heard.push(e.data.recordId));
    const { events } = server.services;
    events.emit("accountability.proposed", { centerId, departmentIds: [], recordId: 7, kind: "SLOW_ACTION", staffId: 1 });
    events.emit("accountability.proposed", { centerId, departmentIds: [], recordId: 8, kind: "SLOW_ACTION", staffId: 1 });
    await expect.poll(() => heard, { timeout: 10_000 }).toEqual([7]);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([7]);
  });
});
