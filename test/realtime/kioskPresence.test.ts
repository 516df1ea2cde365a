// A pad's presence over a real server and real socket.io-client pads: the devices list says online
// while it is connected and offline after; lastSeenAt follows connect, ratings and disconnect, written
// at most once a minute per pad (a rating's write rides in its group commit).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeviceDto } from "../../server/src/contracts/devices.ts";
import { LAST_SEEN_WRITE_INTERVAL_MS, lastSeenWriteDue } from "../../server/src/domain/devices/padPresence.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { connectPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z"); // Monday 10:00 in Shanghai
let server: TestServer;
let admin: ApiClient;
let windowId: number;

beforeAll(async () => {
  server = await startTestServer({ clock, env: { WALKUP_MIN_INTERVAL_S: "0" } });
  const window = await server.services.prisma.window.findFirstOrThrow({ orderBy: { number: "asc" } });
  windowId = window.id;
  const accounts = await demoAccounts(server, window.centerId);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const listed = async (deviceId: number): Promise<DeviceDto> => {
  const res = await admin.get<{ items: DeviceDto[] }>("/api/devices");
  expect(res.status).toBe(200);
  return res.body.items.find((d) => d.id === deviceId)!;
};
/** Connect and disconnect writes are not awaited by anyone: wait until the list shows what we expect. */
const until = async (deviceId: number, pred: (d: DeviceDto) => boolean): Promise<DeviceDto> => {
  let d = await listed(deviceId);
  for (let i = 0; i < 100 && !pred(d); i++) {
    await new Promise((r) => setTimeout(r, 20));
    d = await listed(deviceId);
  }
  return d;
};
const rating = () => ({ id: randomUUID(), level: 5, ratedAt: clock.now().toISOString() });

describe("lastSeenWriteDue", () => {
  it("is due the first time, then once the interval has passed, and again if the clock went back", () => {
    expect(lastSeenWriteDue(undefined, 1000)).toBe(true);
    expect(lastSeenWriteDue(1000, 1000 + LAST_SEEN_WRITE_INTERVAL_MS - 1)).toBe(false);
    expect(lastSeenWriteDue(1000, 1000 + LAST_SEEN_WRITE_INTERVAL_MS)).toBe(true);
    expect(lastSeenWriteDue(5000, 1000)).toBe(true);
  });
});

describe("pad presence on the devices list", () => {
  it("is online with lastSeenAt of the connect, follows ratings once a minute, and is offline after disconnect", async () => {
    const connectedAt = clock.now().toISOString();
    const pad = await connectPad(server, windowId);
    const online = await until(pad.deviceId, (d) => d.online && d.lastSeenAt !== null);
    expect(online).toMatchObject({ online: true, lastSeenAt: connectedAt, state: "PAIRED" });

    // Within the minute: the rating is stored, lastSeenAt is not rewritten.
    clock.advance(30_000);
    expect(await pad.submit(rating())).toMatchObject({ ok: true });
    expect((await listed(pad.deviceId)).lastSeenAt).toBe(connectedAt);

    // A minute after the last write: the rating's commit also moves lastSeenAt.
    clock.advance(31_000);
    const ratedAt = clock.now().toISOString();
    expect(await pad.submit(rating())).toMatchObject({ ok: true });
    expect((await listed(pad.deviceId)).lastSeenAt).toBe(ratedAt);

    clock.advance(LAST_SEEN_WRITE_INTERVAL_MS);
    const leftAt = clock.now().toISOString();
    pad.close();
    const offline = await until(pad.deviceId, (d) => !d.online && d.lastSeenAt === leftAt);
    expect(offline).toMatchObject({ online: false, lastSeenAt: leftAt });
  });

  it("does not write lastSeenAt for a pad that reconnects in a loop more than once a minute", async () => {
    const first = await connectPad(server, windowId);
    const seen = (await until(first.deviceId, (d) => d.online && d.lastSeenAt !== null)).lastSeenAt;
    first.close();
    await until(first.deviceId, (d) => !d.online);
    for (let i = 0; i < 3; i++) {
      clock.advance(5_000);
      const again = await connectPad(server, windowId, { token: first.token, deviceId: first.deviceId });
      await until(first.deviceId, (d) => d.online);
      again.close();
      await until(first.deviceId, (d) => !d.online);
    }
    expect((await listed(first.deviceId)).lastSeenAt).toBe(seen);
  });

  it("shows a revoked pad as offline", async () => {
    const pad = await connectPad(server, windowId);
    await until(pad.deviceId, (d) => d.online);
    const res = await admin.post<DeviceDto>(`/api/devices/${pad.deviceId}/revoke`, {});
    expect(res.body).toMatchObject({ state: "REVOKED", online: false });
    pad.close();
  });
});
