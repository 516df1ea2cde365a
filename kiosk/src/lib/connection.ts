// The pad's link to the server (protocol v1): one Socket.IO connection to /kiosk with the device
// token, and the sender that drains the outbox one rating at a time, with backoff on no ack or a
// retryable refusal. The citizen never waits for it.
import { io, type Socket } from "socket.io-client";
import type { InvitationMessage, SubmitAck, WindowUpdated } from "../../../server/src/contracts/kiosk.ts";
import type { Outbox } from "./outbox.ts";

export interface ConnectionEvents {
  onWindow(view: WindowUpdated): void;
  onInvitation(msg: InvitationMessage): void;
  onInvitationCancelled(invitationId: string): void;
  onRevoked(): void;
  onUnauthorized(): void;
  onStatus(s: { connected: boolean; unsent: number; rejected: number }): void;
}

const ACK_TIMEOUT_MS = 10_000;
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;

export class PadConnection {
  private readonly socket: Socket;
  private sending = false;
  private backoff = BACKOFF_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    token: string,
    private readonly outbox: Outbox,
    private readonly on: ConnectionEvents,
  ) {
    this.socket = io("/kiosk", {
      path: "/socket.io",
      auth: { token, protocol: 1 },
      reconnectionDelay: 500,
      reconnectionDelayMax: 3_000,
    });
    this.socket.on("connect", () => {
      this.backoff = BACKOFF_MIN_MS;
      void this.report();
      void this.drain();
    });
    this.socket.on("disconnect", () => void this.report());
    this.socket.on("connect_error", (err) => {
      if (err.message === "UNAUTHORIZED") {
        this.stop();
        this.on.onUnauthorized();
      }
      void this.report();
    });
    this.socket.on("window.updated", (v: WindowUpdated) => this.on.onWindow(v));
    this.socket.on("invitation.created", (m: InvitationMessage) => this.on.onInvitation(m));
    this.socket.on("invitation.cancelled", (m: { invitationId: string }) => this.on.onInvitationCancelled(m.invitationId));
    this.socket.on("device.revoked", () => {
      this.stop();
      this.on.onRevoked();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket.close();
  }

  /** A new rating is in the outbox: try to send now. */
  kick(): void {
    void this.report();
    void this.drain();
  }

  async report(): Promise<void> {
    const [unsent, rejected] = await Promise.all([this.outbox.count(), this.outbox.rejected().then((r) => r.length)]);
    this.on.onStatus({ connected: this.socket.connected, unsent, rejected });
  }

  private later(): void {
    if (this.retryTimer || this.stopped) return;
    const wait = this.backoff;
    this.backoff = Math.min(BACKOFF_MAX_MS, this.backoff * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.drain();
    }, wait);
  }

  private async drain(): Promise<void> {
    if (this.sending || this.stopped) return;
    this.sending = true;
    try {
      for (;;) {
        if (!this.socket.connected) return;
        const rating = await this.outbox.oldest();
        if (!rating) return;
        let ack: SubmitAck;
        try {
          ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("evaluation.submit", rating)) as SubmitAck;
        } catch {
          this.later(); // no ack: keep it, try again
          return;
        }
        if (ack.ok) await this.outbox.remove(rating.id);
        else if (!ack.error.retryable) await this.outbox.reject(rating, ack.error.code, ack.error.message);
        else {
          this.later();
          return;
        }
        this.backoff = BACKOFF_MIN_MS;
        await this.report();
      }
    } finally {
      this.sending = false;
      void this.report();
    }
  }
}
