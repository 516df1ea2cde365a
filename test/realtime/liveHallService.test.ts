// "Serving" comes from everything that starts or ends a citizen's service at the window, not only the
// queue system: accepting a case starts one; the staff's "finished serving" button (邀请评价), the case's
// completion and the citizen's rating end it. Over a real server and real Socket.IO clients, the
// supervisors' tile and the public display both turn within moments of each of these, and the window's
// timeline shows what started and ended each service.
import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HallSync, type HallView } from "../../client/src/features/liveHall/lib/hallSync.ts";
import type { DisplayEnvelope, DisplayWindowDto } from "../../server/src/contracts/display.ts";
import { hallSnapshotSchema, windowDetailSchema, type WindowState } from "../../server/src/contracts/liveHall.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { caseFixture, citizen, type CaseFixture } from "../support/caseFixtures.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { connectPad, type TestPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { openSupervisorSocket } from "../support/supervisorSocket.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let fixture: CaseFixture;
let staff: ApiClient;
let pad: TestPad;
let sync: HallSync;
let view: () => HallView;
const sockets: Socket[] = [];
const displayed: DisplayWindowDto[] = [];

async function until(what: string, pred: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const tileState = (): WindowState | undefined => view().tiles.get(fixture.windowId)?.state;
const displayState = () => displayed.filter((w) => w.id === fixture.windowId).at(-1)?.state.kind;

/** Both screens show the window in `kind` (the map also since when). */
async function bothShow(kind: WindowState["kind"], since?: Date): Promise<void> {
  await until(`the tile ${kind}`, () => tileState()?.kind === kind && (since === undefined || (tileState() as { since?: string }).since === since.toISOString()));
  await until(`the display ${kind}`, () => displayState() === kind);
}

async function acceptCase(n: number): Promise<number> {
  const res = await staff.post<{ id: number }>("/api/cases", { windowId: fixture.windowId, itemId: fixture.itemId, ...citizen(n) });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { WALKUP_MIN_INTERVAL_S: "0" } });
  const { prisma } = server.services;
  const centerId = (await prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  accounts = await demoAccounts(server, centerId);
  fixture = await caseFixture(server, accounts.STAFF.staffId!); // signs the staff member in at the window
  staff = new ApiClient(server.url);
  await staff.login(accounts.STAFF.username, accounts.STAFF.password);
  pad = await connectPad(server, fixture.windowId);

  const supervisor = new ApiClient(server.url);
  await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
  const socket = openSupervisorSocket(server.url, supervisor);
  sockets.push(socket);
  let latest: HallView | null = null;
  sync = new HallSync(socket, async () => hallSnapshotSchema.parse((await supervisor.get("/api/live/snapshot")).body), (v) => (latest = v));
  sync.start();
  view = () => latest ?? sync.view();

  const display = connect(`${server.url}/display`, { forceNew: true, transports: ["websocket"], auth: { centerId } });
  sockets.push(display);
  display.on("display.window", (e: DisplayEnvelope<DisplayWindowDto>) => displayed.push(e.data));
  await new Promise<void>((resolve, reject) => {
    display.once("connect", () => resolve());
    display.once("connect_error", reject);
  });
  await until("the first snapshot", () => view().status === "live");
}, 120_000);

afterAll(async () => {
  sync?.stop();
  pad?.close();
  for (const s of sockets) s.close();
  await server?.stop();
});

describe("serving from cases, the finished-serving button and ratings", () => {
  it("a case accepted starts a service; 'finished serving' ends it", async () => {
    expect(tileState()?.kind).toBe("IDLE");
    clock.advance(60_000);
    const acceptedAt = clock.now();
    await acceptCase(1);
    await bothShow("SERVING", acceptedAt);

    clock.advance(5 * 60_000);
    const pressedAt = clock.now();
    expect((await staff.post("/api/invitations", {})).status).toBe(201);
    await bothShow("IDLE", pressedAt);
  });

  it("completing a case at the window ends the service", async () => {
    clock.advance(60_000);
    const caseId = await acceptCase(2);
    await bothShow("SERVING");
    clock.advance(3 * 60_000);
    const completedAt = clock.now();
    expect((await staff.post(`/api/cases/${caseId}/actions`, { action: "complete" })).status).toBe(200);
    await bothShow("IDLE", completedAt);
  });

  it("the citizen rating the invitation the acceptance opened ends the service", async () => {
    clock.advance(60_000);
    await acceptCase(3);
    await bothShow("SERVING");
    const invitation = await server.services.prisma.invitation.findFirstOrThrow({ where: { windowId: fixture.windowId, source: "CASE_ACCEPT" }, orderBy: { createdAt: "desc" } });
    clock.advance(60_000);
    const ratedAt = clock.now();
    expect(await pad.submit({ id: randomUUID(), invitationId: invitation.id, level: 5, ratedAt: ratedAt.toISOString() })).toMatchObject({ ok: true });
    await bothShow("IDLE", ratedAt);
  });

  it("what the live tile shows is what a fresh snapshot shows", async () => {
    const supervisor = new ApiClient(server.url);
    await supervisor.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    const fresh = hallSnapshotSchema.parse((await supervisor.get("/api/live/snapshot")).body);
    expect(fresh.tiles.find((t) => t.windowId === fixture.windowId)?.state).toEqual(tileState());
    expect(fresh.tiles.find((t) => t.windowId === fixture.windowId)?.today.casesAccepted).toBe(3);
    // The detail's timeline shows what started and ended each service
    const detail = windowDetailSchema.parse((await supervisor.get(`/api/live/windows/${fixture.windowId}`)).body);
    expect(detail.timeline.map((e) => e.kind).filter((k) => ["CASE_ACCEPTED", "SERVICE_FINISHED", "CASE_COMPLETED", "RATING"].includes(k))).toEqual([
      "CASE_ACCEPTED",
      "SERVICE_FINISHED",
      "CASE_ACCEPTED",
      "CASE_COMPLETED",
      "CASE_ACCEPTED",
      "RATING",
    ]);
  });
});
