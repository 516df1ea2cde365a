// The Socket.IO namespaces on the real server: who may connect to /supervisor, /kiosk and /display,
// and that shutting down disconnects sockets instead of leaving them hanging.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { newToken, sha256 } from "../../server/src/lib/tokens.ts";
import { ApiClient } from "../support/apiClient.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.stop();
});

function open(namespace: string, opts: { cookie?: string; auth?: Record<string, unknown> } = {}): Socket {
  const socket = connect(`${server.url}${namespace}`, {
    forceNew: true,
    transports: ["websocket"],
    reconnection: false,
    auth: opts.auth,
    extraHeaders: opts.cookie ? { cookie: opts.cookie } : undefined,
  });
  sockets.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<{ connected: boolean; error?: string }> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (err) => resolve({ connected: false, error: err.message }));
  });
}

async function sessionCookie(username: string): Promise<string> {
  const c = new ApiClient(server.url);
  await c.login(username, DEMO_PASSWORD);
  return `hw_session=${c.cookies.get("hw_session")}`;
}

describe("/supervisor", () => {
  it("refuses a connection without a session", async () => {
    expect(await outcome(open("/supervisor"))).toEqual({ connected: false, error: "UNAUTHORIZED" });
  });

  it("refuses roles that do not watch the hall", async () => {
    expect(await outcome(open("/supervisor", { cookie: await sessionCookie("auditor") }))).toEqual({ connected: false, error: "FORBIDDEN" });
  });

  it("accepts a supervisor's session", async () => {
    expect(await outcome(open("/supervisor", { cookie: await sessionCookie("supervisor") }))).toEqual({ connected: true });
  });
});

describe("/kiosk", () => {
  it("refuses an unsupported protocol version and a bad token with their documented messages", async () => {
    expect(await outcome(open("/kiosk", { auth: { token: "x", protocol: 2 } }))).toEqual({ connected: false, error: "UNSUPPORTED_PROTOCOL" });
    expect(await outcome(open("/kiosk", { auth: { token: "not-a-device", protocol: 1 } }))).toEqual({ connected: false, error: "UNAUTHORIZED" });
    expect(await outcome(open("/kiosk", { auth: { protocol: 1 } }))).toEqual({ connected: false, error: "UNAUTHORIZED" });
  });

  it("accepts a paired device and refuses it once revoked", async () => {
    const { prisma } = server.services;
    const window = await prisma.window.findFirstOrThrow();
    const token = newToken();
    const device = await prisma.kioskDevice.create({ data: { centerId: window.centerId, windowId: window.id, name: "测试评价器", tokenHash: sha256(token), pairedAt: new Date() } });
    expect(await outcome(open("/kiosk", { auth: { token, protocol: 1 } }))).toEqual({ connected: true });
    await prisma.kioskDevice.update({ where: { id: device.id }, data: { revokedAt: new Date() } });
    expect(await outcome(open("/kiosk", { auth: { token, protocol: 1 } }))).toEqual({ connected: false, error: "UNAUTHORIZED" });
  });
});

describe("/display", () => {
  it("lets the public hall screen connect without a login", async () => {
    expect(await outcome(open("/display", { auth: { centerId: 1 } }))).toEqual({ connected: true });
  });
});

describe("shutdown", () => {
  it("disconnects connected sockets and stops accepting requests", async () => {
    const own = await startTestServer({ demo: false });
    const socket = connect(`${own.url}/display`, { forceNew: true, transports: ["websocket"], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    await own.stop();
    expect(await disconnected).toMatch(/server|transport/);
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
  });
});
