// The /supervisor namespace sends what happened in one turn of the server's event loop as one frame:
// a committed group of ratings is hundreds of events, and one frame per event per supervisor was most of
// the fan-out's cost. Inside a batch every item is the envelope it always was ({seq, stream, data}),
// in order; a window's tile appears at most once (the latest), numbered after that collapse.
export const SUPERVISOR_BATCH_EVENT = "batch";

export interface BatchedEnvelope {
  seq: number;
  stream: string;
  data: unknown;
}

export interface SupervisorBatch {
  /** [event name, envelope] in the order they happened */
  items: [string, BatchedEnvelope][];
}
