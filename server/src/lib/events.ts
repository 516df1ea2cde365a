// Typed domain events. Domain functions emit after their transaction commits; the realtime
// broadcaster (and later jobs) subscribe. Routes never emit to sockets themselves.
import { EventEmitter } from "node:events";
import type { EvaluationCreatedEvent, InvitationCreatedEvent } from "../contracts/kiosk.ts";
import type { WindowTile } from "../contracts/liveHall.ts";
import type { PauseReason } from "../contracts/shifts.ts";
import type { AlertAcknowledgedMessage, AlertCreatedMessage, AlertResolvedMessage } from "../contracts/alerts.ts";
import type { RectificationListItemDto } from "../contracts/rectifications.ts";

export interface DomainEventMap {
  "user.changed": { centerId: number | null; userId: number };
  "session.revoked": { sessionId: string; userId: number };
  // Rating pads (issue #5): invitations, stored ratings, revoked devices
  "invitation.created": InvitationCreatedEvent;
  "invitation.cancelled": { centerId: number; windowId: number; invitationId: string };
  "evaluation.created": EvaluationCreatedEvent;
  "device.revoked": { centerId: number; windowId: number; deviceId: number };
  // A pad's socket connected to / left /kiosk (the live hall shows the pad online or offline)
  "device.connected": { centerId: number; windowId: number; deviceId: number };
  "device.disconnected": { centerId: number; windowId: number; deviceId: number };
  // The live hall (#7): a window's tile recomputed after anything about it changed (full tile, not a diff)
  // causedAt: when the earliest change folded into this tile was heard, right after its commit (ms)
  "liveHall.tile": { centerId: number; departmentIds: number[]; windowId: number; tile: WindowTile; causedAt: number };
  // Something about a window changed that has no event of its own (queue reports): its pads re-read it
  // and its tile is recomputed. Shift changes do not emit it: their own events say what changed.
  "window.changed": { centerId: number; windowId: number };
  // Shifts (issue #3): a staff member signed in to / out of a window, paused or resumed. They carry what
  // the live hall's tile shows (who signed in, the pause's reason and note), so it need not re-read.
  "shift.started": ShiftEvent & { staff: { name: string; staffNo: string; hasPhoto: boolean } };
  "shift.ended": ShiftEvent;
  "shift.paused": ShiftEvent & { reason: PauseReason; note: string | null };
  "shift.resumed": ShiftEvent;
  // Cases and accountability (issue #4)
  "case.changed": { centerId: number; departmentIds: number[]; caseId: number; caseNo: string; state: string; warning: string };
  "case.warning": { centerId: number; departmentIds: number[]; caseId: number; caseNo: string; level: "YELLOW" | "RED"; dueAt: string; staffId: number };
  "accountability.proposed": { centerId: number; departmentIds: number[]; recordId: number; kind: string; staffId: number };
  "inquiry.changed": { centerId: number; inquiryId: number; state: string; toWindowId?: number };
  "inquiry.warning": { centerId: number; inquiryId: number; staffId: number; windowId: number };
  "accountability.decided": { centerId: number; departmentIds: number[]; recordId: number; state: string };
  // Alerts and inspections (#7); departmentIds are the window's, so their liaisons hear it too
  "alert.created": { centerId: number; departmentIds: number[] } & AlertCreatedMessage;
  "alert.acknowledged": { centerId: number; departmentIds: number[] } & AlertAcknowledgedMessage;
  "alert.resolved": { centerId: number; departmentIds: number[] } & AlertResolvedMessage;
  "inspection.recorded": { centerId: number; departmentIds: number[]; inspectionId: number; windowId: number; staffId: number | null; totalDeduction: number };
  // The bad-review loop (#6): a ticket opened or a step recorded; departmentIds are the rated window's
  "rectification.changed": RectificationListItemDto & { departmentIds: number[] };
  // Appeals (#6): filed or decided; departmentIds = the rated staff member's department
  "appeal.changed": { centerId: number; departmentIds: number[]; appealId: number; evaluationId: string; state: string };
}
export type DomainEventName = keyof DomainEventMap;

/** What every shift event carries; departmentIds are the window's, so their liaisons hear it too. */
export interface ShiftEvent {
  centerId: number;
  windowId: number;
  staffId: number;
  shiftId: number;
  departmentIds: number[];
  at: string;
}

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
