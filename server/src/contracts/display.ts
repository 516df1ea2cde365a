// The public hall display (/display, #7): what the big screen shows, without login. Only public facts:
// window states (no pause notes), the names, staff numbers and photos of staff on duty, today's hall
// satisfaction, the items' promised time limits, and the quarter's honours (#8). A snapshot over REST,
// then deltas on the /display namespace, each in a { seq, data } envelope numbered per center.
import { z } from "zod";
import type { ClosedReason, WindowStateKind } from "./liveHall.ts";
import type { PauseReason } from "./shifts.ts";

export const displaySnapshotQuerySchema = z.object({
  /** The center's code; may be left out when the deployment has one center */
  center: z.string().trim().min(1).max(40).optional(),
});

export interface DisplayWindowDto {
  id: number;
  number: number;
  name: string;
  zone: string;
  state: { kind: WindowStateKind; reason: ClosedReason | PauseReason | null };
  onDuty: { name: string; staffNo: string; photoUrl: string | null } | null;
}

export interface DisplaySatisfactionDto {
  /** Shanghai date */
  date: string;
  good: number;
  total: number;
  /** good / total, null before the first rating of the day */
  share: number | null;
}

export interface DisplayPromiseDto {
  itemName: string;
  departmentName: string;
  /** 0 = 即办件 (done on the spot) */
  promisedLimitDays: number;
  statutoryLimitDays: number;
}

/** Filled once the quarterly evaluation (#8) names them; empty until then (the screen shows nothing). */
export interface DisplayHonoursDto {
  quarter: string;
  redFlagWindows: { number: number; name: string }[];
  serviceModels: { name: string; staffNo: string; photoUrl: string | null }[];
}

export interface DisplaySnapshotDto {
  center: { id: number; code: string; name: string };
  /** The last delta sequence number already contained in this snapshot */
  seq: number;
  at: string;
  windows: DisplayWindowDto[];
  satisfaction: DisplaySatisfactionDto;
  promises: DisplayPromiseDto[];
  honours: DisplayHonoursDto;
}

/** Server → display messages; the display sends nothing (an emit is answered READ_ONLY and ignored). */
export const DISPLAY_EVENTS = { window: "display.window", satisfaction: "display.satisfaction" } as const;
export interface DisplayEnvelope<T> {
  seq: number;
  data: T;
  /** When the earliest change this delta folds in was committed (for measuring delivery delay) */
  causedAt?: string;
}
export const DISPLAY_READ_ONLY = "READ_ONLY";
