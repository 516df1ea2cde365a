// The public hall display: the snapshot needs no login and shows only public facts; deltas on
// /display arrive numbered without gaps when staff sign in or pause and when a pad rates; the
// namespace takes no writes (emits are answered READ_ONLY and change nothing; a chatty socket is cut
// off); the snapshot is rate-limited.
import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DisplayEnvelope, DisplaySatisfactionDto, DisplaySnapshotDto, DisplayWindowDto } from "../../server/src/contracts/display.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { DISPLAY_SNAPSHOTS_PER_MINUTE } from "../../server/src/routes/display/router.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-23T02:00:00Z"); // Monday 10:00 Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let staff: ApiClient;
let windowId = 0;
let centerId = 0;
let pad: TestPad;
const sockets: Socket[] = [];

type Message = { event: string } & DisplayEnvelope<unknown>;

function openDisplay(): Promise<{ socket: Socket; received: Message[] }> {
  const socket = connect(`${server.url}/display`, { forceNew: true, transports: ["websocket"], reconnection: false, auth: { centerId } });
  sockets.push(socket);
  const received: Message[] = [];
  socket.onAny((event: string, envelope: DisplayEnvelope<unknown>) => received.push({ event, ...envelope }));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, received }));
    socket.once("connect_error", reject);
  });
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};
const snapshot = async () => (await new ApiClient(server.url).get<DisplaySnapshotDto>("/api/display/snapshot")).body;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SESSION_IDLE_MINUTES: "1440", SESSION_MAX_HOURS: "168", WALKUP_MIN_INTERVAL_S: "0" } });
  const { prisma } = server.services;
  centerId = (await prisma.center.findFirstOrThrow()).id;
  accounts = await demoAccounts(server, centerId);
  windowId = (await prisma.windowStaff.findFirstOrThrow({ where: { staffId: accounts.STAFF.staffId!, backup: false } })).windowId;
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  pad = await connectPad(server, windowId);
}, 120_000);
afterAll(async () => {
  pad?.close();
  for (const s of sockets) s.close();
  await server?.stop();
});

describe("the snapshot", () => {
  it("needs no login and shows every active window, today's satisfaction, the promises and no invented honours", async () => {
    const res = await new ApiClient(server.url).get<DisplaySnapshotDto>("/api/display/snapshot");
    expect(res.status).toBe(200);
    const active = await server.services.prisma.window.count({ where: { centerId, active: true } });
    expect(res.body.windows).toHaveLength(active);
    expect(res.body.center.id).toBe(centerId);
    expect(res.body.promises.length).toBeGreaterThan(10);
    expect(res.body.promises[0]!.promisedLimitDays).toBe(0);
    expect(res.body.honours).toMatchObject({ quarter: "2026-Q4", redFlagWindows: [], serviceModels: [] });
    expect(res.body.satisfaction.date).toBe("2026-11-23");
    expect(res.body.windows.find((w) => w.id === windowId)!.state).toEqual({ kind: "UNATTENDED", reason: null });
    expect((await new ApiClient(server.url).get("/api/display/snapshot?center=NOPE")).status).toBe(404);
  });
});

describe("deltas", () => {
  it("follow a sign-in, a pause and a rating, numbered one by one after the snapshot, with nothing private", async () => {
    const before = await snapshot();
    const { received } = await openDisplay();
    expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
    await until(() => received.some((m) => m.event === "display.window"), "the sign-in delta");
    const signedIn = received.find((m) => m.event === "display.window")!.data as DisplayWindowDto;
    expect(signedIn).toMatchObject({ id: windowId, state: { kind: "IDLE", reason: null } });
    const staffRow = await server.services.prisma.staff.findUniqueOrThrow({ where: { id: accounts.STAFF.staffId! } });
    expect(Object.keys(signedIn.onDuty!).sort()).toEqual(["name", "photoUrl", "staffNo"]);
    expect(signedIn.onDuty).toMatchObject({ name: staffRow.name, staffNo: staffRow.staffNo });

    expect((await staff.post("/api/shifts/me/pause", { reason: "OTHER", note: "去医院复查" })).status).toBe(200);
    const paused = () => received.find((m) => m.event === "display.window" && (m.data as DisplayWindowDto).state.kind === "PAUSED");
    await until(() => paused() !== undefined, "the pause delta");
    expect(paused()!.data).toMatchObject({ id: windowId, state: { kind: "PAUSED", reason: "OTHER" } });
    expect(JSON.stringify(received)).not.toContain("去医院复查");
    expect(JSON.stringify(await snapshot())).not.toContain("去医院复查");
    expect((await staff.post("/api/shifts/me/resume")).status).toBe(200);

    expect((await pad.submit({ id: randomUUID(), level: 5, ratedAt: clock.now().toISOString() })).ok).toBe(true);
    await until(() => received.some((m) => m.event === "display.satisfaction"), "the rating delta");
    const tally = received.find((m) => m.event === "display.satisfaction")!.data as DisplaySatisfactionDto;
    expect(tally.total).toBe(before.satisfaction.total + 1);
    expect(tally.good).toBe(before.satisfaction.good + 1);

    // one sign-in may yield two deltas (shift.started and window.changed): the numbers still run without gaps
    await until(() => received.at(-1)!.event === "display.satisfaction", "the last delta");
    expect(received.map((m) => m.seq)).toEqual(received.map((_, i) => before.seq + 1 + i));
    expect((await snapshot()).seq).toBe(received.at(-1)!.seq);
  });

  it("show a window as its snapshot does, and send only the tally for a rating that changes just the map's counts", async () => {
    const { received } = await openDisplay();
    // A walk-up rating changes the supervisors' tile (counts, last rating) but nothing the display shows.
    const tiles: number[] = [];
    const off = server.services.events.on("liveHall.tile", (e) => e.windowId === windowId && tiles.push(e.tile.today.ratings));
    expect((await pad.submit({ id: randomUUID(), level: 4, ratedAt: clock.now().toISOString() })).ok).toBe(true);
    await until(() => tiles.length > 0 && received.some((m) => m.event === "display.satisfaction"), "the tile and the tally");
    off();
    expect(received.filter((m) => m.event === "display.window")).toEqual([]);

    expect((await staff.post("/api/shifts/me/pause", { reason: "MEETING" })).status).toBe(200);
    const delta = () => received.find((m) => m.event === "display.window");
    await until(() => delta() !== undefined, "the pause delta");
    expect(Date.parse(delta()!.causedAt!)).toBeLessThanOrEqual(clock.now().getTime());
    expect(delta()!.data).toEqual((await snapshot()).windows.find((w) => w.id === windowId));
    expect((await staff.post("/api/shifts/me/resume")).status).toBe(200);
  });
});

describe("the namespace", () => {
  it("takes no writes: emits are answered READ_ONLY, nothing changes, and deltas keep coming", async () => {
    const { prisma } = server.services;
    const counts = async () => Promise.all([prisma.evaluation.count(), prisma.shift.count(), prisma.alert.count(), prisma.auditEntry.count(), prisma.inspection.count()]);
    const before = await counts();
    const { socket, received } = await openDisplay();
    const answer = await socket.timeout(2000).emitWithAck("evaluation.submit", { id: randomUUID(), level: 1, ratedAt: clock.now().toISOString() });
    expect(answer).toEqual({ ok: false, error: "READ_ONLY" });
    expect(await socket.timeout(2000).emitWithAck("shift.ended", { windowId })).toEqual({ ok: false, error: "READ_ONLY" });
    socket.emit("display.window", { id: windowId, state: { kind: "CLOSED" } });
    await new Promise((r) => setTimeout(r, 100));
    expect(await counts()).toEqual(before);
    expect(received).toEqual([]);
    expect(socket.connected).toBe(true);
    expect((await staff.post("/api/shifts/me/sign-out")).status).toBe(200);
    await until(() => received.some((m) => m.event === "display.window"), "a delta after the refused emits");
  });

  it("cuts off a display that keeps sending", async () => {
    const { socket } = await openDisplay();
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    for (let i = 0; i < 25; i++) socket.emit("anything", { i });
    expect(await closed).toBe("io server disconnect");
  });
});

describe("rate limit", () => {
  it("answers 429 past the per-address budget and again after the minute", async () => {
    const client = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < DISPLAY_SNAPSHOTS_PER_MINUTE + 2; i++) statuses.push((await client.get("/api/display/snapshot")).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    clock.advance(61_000);
    expect((await client.get("/api/display/snapshot")).status).toBe(200);
  });
});
