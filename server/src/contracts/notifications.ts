// The SMS outbox as supervisors read it: masked recipient, rendered text, delivery state and errors.
import { z } from "zod";

export const DELIVERY_STATES = ["PENDING", "SENT", "FAILED"] as const;

export const outboxQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** Digits of the (masked) recipient number, e.g. its last four */
  q: z.string().trim().max(20).optional(),
  state: z.enum(DELIVERY_STATES).optional(),
  centerId: z.coerce.number().int().positive().optional(),
});

export interface OutboxDto {
  id: number;
  centerId: number;
  recipientMasked: string;
  template: string;
  text: string;
  state: (typeof DELIVERY_STATES)[number];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export const DELIVERY_STATE_LABELS: Record<(typeof DELIVERY_STATES)[number], { zh: string; en: string }> = {
  PENDING: { zh: "待发送", en: "Pending" },
  SENT: { zh: "已发送", en: "Sent" },
  FAILED: { zh: "发送失败", en: "Failed" },
};
