// Typed domain events. Domain functions emit after their transaction commits; the realtime
// broadcaster (and later jobs) subscribe. Routes never emit to sockets themselves.
import { EventEmitter } from "node:events";

export interface DomainEventMap {
  "user.changed": { centerId: number | null; userId: number };
  "session.revoked": { sessionId: string; userId: number };
}
export type DomainEventName = keyof DomainEventMap;

export class DomainEvents {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(100);
  }
  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
  on<K extends DomainEventName>(name: K, listener: (payload: DomainEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
