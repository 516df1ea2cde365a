// Rating pads for tests: a device token for a window (as npm run kiosk:token issues it) and a real
// socket.io-client connected to /kiosk, with a promise-returning submit.
import { io as connect, type Socket } from "socket.io-client";
import type { SubmitAck } from "../../server/src/contracts/kiosk.ts";
import { issueDeviceToken } from "../../server/src/domain/devices/manageDevices.ts";
import type { RunningServer } from "../../server/src/server.ts";

export interface TestPad {
  socket: Socket;
  deviceId: number;
  windowId: number;
  token: string;
  submit(payload: unknown): Promise<SubmitAck>;
  next<T = unknown>(event: string): Promise<T>;
  close(): void;
}

export async function padToken(server: RunningServer, windowId: number): Promise<{ token: string; deviceId: number; centerId: number }> {
  const window = await server.services.prisma.window.findUniqueOrThrow({ where: { id: windowId } });
  const { device, token } = await issueDeviceToken(server.services, {
    centerId: window.centerId,
    windowId,
    name: `测试评价器 ${window.number}`,
    auditActor: { userId: null, role: "SYSTEM", centerId: window.centerId },
  });
  return { token, deviceId: device.id, centerId: window.centerId };
}

export function openPad(url: string, token: string, opts: { cookie?: string; reconnection?: boolean } = {}): Socket {
  // A manager of its own: socket.io-client caches managers by host:port for the whole process, and with
  // test files sharing a worker (isolate: false) a later server on a reused port met an earlier file's
  // closed manager (a restart test then waited for a connect that never came)
  return connect(`${url}/kiosk`, {
    forceNew: true,
    transports: ["websocket"],
    reconnection: opts.reconnection ?? false,
    auth: { token, protocol: 1 },
    extraHeaders: opts.cookie ? { cookie: opts.cookie } : undefined,
  });
}

export async function connectPad(server: RunningServer, windowId: number, opts: { cookie?: string; token?: string; deviceId?: number } = {}): Promise<TestPad> {
  const issued = opts.token ? { token: opts.token, deviceId: opts.deviceId ?? 0 } : await padToken(server, windowId);
  const socket = openPad(server.url, issued.token, { cookie: opts.cookie });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
  return {
    socket,
    deviceId: issued.deviceId,
    windowId,
    token: issued.token,
    submit: (payload) => socket.timeout(10_000).emitWithAck("evaluation.submit", payload) as Promise<SubmitAck>,
    next: <T,>(event: string) => new Promise<T>((resolve) => socket.once(event, (data: T) => resolve(data))),
    close: () => socket.close(),
  };
}
