// Complaints (投诉): recorded from any channel, assigned, answered within the center's working-day
// limit, and closed with a finding; a substantiated one proposes an accountability record.
import { z } from "zod";
import { ACCOUNTABILITY_KINDS } from "./accountability.ts";
import { phoneSchema } from "./cases.ts";

export const COMPLAINT_CHANNELS = ["HOTLINE", "SUGGESTION_BOX", "FORUM", "APPOINTED_SUPERVISOR", "WEB", "CALLBACK"] as const;
export const COMPLAINT_STATES = ["OPEN", "ASSIGNED", "ANSWERED", "CLOSED"] as const;

export const recordComplaintBodySchema = z.strictObject({
  channel: z.enum(COMPLAINT_CHANNELS),
  content: z.string().trim().min(2).max(2000),
  complainantName: z.string().trim().min(1).max(50).optional(),
  complainantPhone: phoneSchema.optional(),
  windowId: z.number().int().positive().optional(),
  staffId: z.number().int().positive().optional(),
  caseId: z.number().int().positive().optional(),
});
export type RecordComplaintBody = z.infer<typeof recordComplaintBodySchema>;

export const assignComplaintBodySchema = z.strictObject({ assignedToId: z.number().int().positive() });
export const answerComplaintBodySchema = z.strictObject({ answer: z.string().trim().min(2).max(2000) });
export const closeComplaintBodySchema = z.discriminatedUnion("substantiated", [
  z.strictObject({ substantiated: z.literal(true), kind: z.enum(ACCOUNTABILITY_KINDS), proposedPoints: z.number().min(0).max(100) }),
  z.strictObject({ substantiated: z.literal(false) }),
]);
export type CloseComplaintBody = z.infer<typeof closeComplaintBodySchema>;

export const complaintListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  state: z.enum(COMPLAINT_STATES).optional(),
  overdue: z.enum(["1"]).optional(),
  centerId: z.coerce.number().int().positive().optional(),
});

export interface ComplaintDto {
  id: number;
  centerId: number;
  channel: (typeof COMPLAINT_CHANNELS)[number];
  complainantName: string | null;
  content: string;
  windowId: number | null;
  staffId: number | null;
  caseId: number | null;
  assignedToId: number | null;
  state: (typeof COMPLAINT_STATES)[number];
  receivedAt: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  substantiated: boolean | null;
  closedAt: string | null;
}
