// The live map's resynchronization over a real server and a real socket.io-client: the client keeps
// the snapshot plus the numbered deltas of its stream; a dropped connection or a lost message makes it
// reload, and in the end it shows exactly what a fresh snapshot shows — no gap, nothing counted twice.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HallSync, type HallView, type SupervisorSocket } from "../../client/src/features/liveHall/lib/hallSync.ts";
import { hallSnapshotSchema, type HallSnapshot, type WindowTile } from "../../server/src/contracts/liveHall.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let centerId: number;
let accounts: Record<Role, DemoAccount>;
let key: string;
let windows: { id: number; number: number; departmentIds: number[] }[];
const sockets: Socket[] = [];
const syncs: HallSync[] = [];
let ticket = 0;

async function signedIn(role: Role): Promise<ApiClient> {
  const c = new ApiClient(server.url);
  await c.login(accounts[role].username, accounts[role].password);
  return c;
}

function supervisorSocket(c: ApiClient): Socket {
  const socket = openSupervisorSocket(server.url, c, { reconnectionDelay: 50, reconnectionDelayMax: 100 });
  sockets.push(socket);
  return socket;
}

const fetcher = (c: ApiClient) => async (): Promise<HallSnapshot> => {
  const res = await c.get("/api/live/snapshot");
  if (res.status !== 200) throw new Error(`snapshot ${res.status}`);
  return hallSnapshotSchema.parse(res.body);
};

function startSync(socket: SupervisorSocket, fetchSnapshot: () => Promise<HallSnapshot>) {
  let view: HallView | null = null;
  const sync = new HallSync(socket, fetchSnapshot, (v) => (view = v));
  syncs.push(sync);
  sync.start();
  return { sync, view: () => view ?? sync.view() };
}

async function until(what: string, pred: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A finished service at a window through the queue API: one more "served" on its tile. */
async function serve(windowNumber: number): Promise<void> {
  const no = `B${String(++ticket).padStart(3, "0")}`;
  const issuedAt = clock.now().toISOString();
  for (const path of ["called", "finished"]) {
    const res = await fetch(`${server.url}/api/queue/v1/tickets/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ eventId: `${no}-${path}`, ticketNo: no, issuedAt, at: issuedAt, window: windowNumber, ...(path === "finished" ? { invite: false } : {}) }),
    });
    if (res.status !== 201) throw new Error(`${path} ${res.status} ${await res.text()}`);
  }
}

const comparable = (tiles: Iterable<WindowTile>) => [...tiles].sort((a, b) => a.windowId - b.windowId);

beforeAll(async () => {
  server = await startTestServer({ clock });
  const { prisma } = server.services;
  centerId = (await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  const admin = await signedIn("ADMIN");
  key = (await admin.post<{ key: string }>("/api/queue/keys", { name: "叫号" })).body.key;
  const rows = await prisma.window.findMany({ where: { centerId, active: true }, orderBy: { number: "asc" }, include: { departments: true } });
  windows = rows.map((w) => ({ id: w.id, number: w.number, departmentIds: w.departments.map((d) => d.departmentId) }));
});
afterAll(async () => {
  for (const s of syncs) s.stop();
  for (const s of sockets) s.close();
  await server?.stop();
});

describe("live map resynchronization", () => {
  it("applies deltas in order, reloads after the connection drops mid-stream, and ends equal to a fresh snapshot", async () => {
    const supervisor = await signedIn("SUPERVISOR");
    const socket = supervisorSocket(supervisor);
    const { sync, view } = startSync(socket, fetcher(supervisor));
    await until("the first snapshot", () => view().status === "live" && view().loads >= 1);
    const loadsBefore = view().loads;

    const target = windows[0]!;
    for (let i = 0; i < 5; i++) await serve(target.number);
    await until("five services by deltas", () => view().tiles.get(target.id)?.today.served === 5);
    expect(view().loads).toBe(loadsBefore); // deltas alone, no reload

    // Drop the transport mid-stream: changes keep happening while the client is away.
    const reconnected = new Promise<void>((resolve) => socket.io.once("reconnect", () => resolve()));
    socket.io.engine.close();
    for (let i = 0; i < 5; i++) await serve(windows[1]!.number);
    for (let i = 0; i < 3; i++) await serve(target.number);
    await reconnected;
    for (let i = 0; i < 2; i++) await serve(target.number);

    await until("the served counts after reconnect", () => view().tiles.get(target.id)?.today.served === 10 && view().tiles.get(windows[1]!.id)?.today.served === 5);
    expect(view().loads).toBeGreaterThan(loadsBefore);
    await until("idle stream", async () => {
      const fresh = await fetcher(supervisor)();
      return fresh.seq === view().seq && JSON.stringify(comparable(fresh.tiles)) === JSON.stringify(comparable(view().tiles.values()));
    });
    sync.stop();
  });

  it("a lost message (a jump in the sequence) makes the client reload instead of showing a stale tile", async () => {
    const supervisor = await signedIn("SUPERVISOR");
    const socket = supervisorSocket(supervisor);
    // Loses exactly one liveHall.tile message on the way, as a flaky network would.
    let dropNext = false;
    const lossy: SupervisorSocket = {
      get connected() {
        return socket.connected;
      },
      on: (event, listener) => socket.on(event, listener),
      off: (event, listener) => socket.off(event, listener),
      onAny: (listener) => {
        const wrapped = (event: string, ...args: unknown[]) => {
          if (dropNext && event === "liveHall.tile") {
            dropNext = false;
            return;
          }
          listener(event, ...args);
        };
        lossy.offAny = () => socket.offAny(wrapped);
        return socket.onAny(wrapped);
      },
      offAny: () => socket,
    };
    const { view } = startSync(lossy, fetcher(supervisor));
    await until("the first snapshot", () => view().status === "live");
    const loads = view().loads;
    const target = windows[2]!;
    dropNext = true;
    await serve(target.number); // its tile message is lost
    await serve(target.number); // the next one reveals the gap
    await until("the reload", () => view().loads > loads && view().tiles.get(target.id)?.today.served === 2);
    const fresh = await fetcher(supervisor)();
    expect(view().tiles.get(target.id)).toEqual(fresh.tiles.find((t) => t.windowId === target.id));
  });

  it("a liaison's stream counts only their department's messages: other departments' changes cause no gap and no reload", async () => {
    const liaison = await signedIn("LIAISON");
    const departmentId = accounts.LIAISON.departmentId!;
    const own = windows.find((w) => w.departmentIds.includes(departmentId))!;
    const others = windows.filter((w) => !w.departmentIds.includes(departmentId)).slice(0, 3);
    const { view } = startSync(supervisorSocket(liaison), fetcher(liaison));
    await until("the first snapshot", () => view().status === "live");
    expect(view().snapshot?.stream).toBe(`department:${departmentId}`);
    const loads = view().loads;
    const before = view().tiles.get(own.id)!.today.served;
    for (const w of others) await serve(w.number);
    await serve(own.number);
    await until("the own window's delta", () => view().tiles.get(own.id)?.today.served === before + 1);
    expect(view().loads).toBe(loads);
    for (const w of others) expect(view().tiles.has(w.id)).toBe(false);
  });
});
