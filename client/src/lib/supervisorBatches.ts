// Unpacks the /supervisor namespace's batches (contracts/supervisorBatch.ts) into the events they carry, so
// listeners keep listening to "evaluation.created", "liveHall.tile"… as if each came alone: listeners of
// the event get the envelope, catch-all listeners (onAny) get (event, envelope), in the batch's order.
import { SUPERVISOR_BATCH_EVENT, type SupervisorBatch } from "../../../server/src/contracts/supervisorBatch.ts";

type Listener = (...args: never[]) => void;

/** The part of a socket.io-client Socket this needs */
export interface BatchedSocket {
  on(event: string, listener: (batch: SupervisorBatch) => void): unknown;
  listeners(event: string): Listener[];
  listenersAny(): Listener[];
}

const unpacked = new WeakSet<object>();

/** Call once per /supervisor socket, before or after adding listeners (a second call does nothing). */
export function unpackSupervisorBatches(socket: BatchedSocket): void {
  if (unpacked.has(socket)) return;
  unpacked.add(socket);
  socket.on(SUPERVISOR_BATCH_EVENT, (batch: SupervisorBatch) => {
    if (!batch || !Array.isArray(batch.items)) return;
    for (const [event, envelope] of batch.items) {
      // Copied first: a once() listener removes itself while we iterate, through `this` (the socket)
      for (const listener of [...socket.listenersAny()]) (listener as (this: BatchedSocket, event: string, envelope: unknown) => void).call(socket, event, envelope);
      for (const listener of [...socket.listeners(event)]) (listener as (this: BatchedSocket, envelope: unknown) => void).call(socket, envelope);
    }
  });
}
