// A supervisor's socket on /supervisor for tests, as the client opens one: the session cookie of an
// ApiClient signed in as that person, and the server's batch frames unpacked into their events. Each socket
// gets a manager of its own (forceNew): socket.io-client caches managers per host:port for the whole process,
// and a socket sharing another's (a pad's, an earlier file's on a reused port) would not send this cookie.
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import { unpackSupervisorBatches } from "../../client/src/lib/supervisorBatches.ts";
import type { ApiClient } from "./apiClient.ts";

export function openSupervisorSocket(url: string, client: ApiClient, opts: Partial<ManagerOptions & SocketOptions> = {}): Socket {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const socket = connect(`${url}/supervisor`, { forceNew: true, transports: ["websocket"], extraHeaders: { cookie }, ...opts });
  unpackSupervisorBatches(socket);
  return socket;
}
