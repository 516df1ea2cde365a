// Complaints (投诉): recorded from any channel, assigned, answered within the center's working-day
// limit, and closed with a finding; a substantiated one proposes an accountability record.
import { z } from "zod";
import { ACCOUNTABILITY_KINDS } from "./accountability.ts";
import { phoneSchema } from "./cases.ts";

export const COMPLAINT_CHANNELS = ["HOTLINE", "SUGGESTION_BOX", "FORUM", "APPOINTED_SUPERVISOR", "WEB", "CALLBACK"] as const;
export const COMPLAINT_STATES = ["OPEN", "ASSIGNED", "ANSWERED", "CLOSED"] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/** A case is named by its number (what is on the citizen's notice), not by an internal id. */
const caseNoSchema = z.string().trim().regex(/^\d{8,20}$/, "办件编号为数字");

/** What a complaint is about: any of a window, a staff member and a case of the center. */
const linkFields = {
  windowId: z.number().int().positive().optional(),
  staffId: z.number().int().positive().optional(),
  caseNo: caseNoSchema.optional(),
};

export const recordComplaintBodySchema = z.strictObject({
  channel: z.enum(COMPLAINT_CHANNELS),
  content: z.string().trim().min(2).max(2000),
  complainantName: z.string().trim().min(1).max(50).optional(),
  complainantPhone: phoneSchema.optional(),
  ...linkFields,
  /** Kept for API callers that hold the case id already */
  caseId: z.number().int().positive().optional(),
});
export type RecordComplaintBody = z.infer<typeof recordComplaintBodySchema>;

/** Links found while handling the complaint; a field left out keeps its link, null removes it. */
export const linkComplaintBodySchema = z
  .strictObject({
    windowId: z.number().int().positive().nullable().optional(),
    staffId: z.number().int().positive().nullable().optional(),
    caseNo: caseNoSchema.nullable().optional(),
  })
  .refine((b) => b.windowId !== undefined || b.staffId !== undefined || b.caseNo !== undefined, { message: "nothing to link" });
export type LinkComplaintBody = z.infer<typeof linkComplaintBodySchema>;

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
  /** Words of the content or the complainant's name */
  q: z.string().trim().max(100).optional(),
  state: z.enum(COMPLAINT_STATES).optional(),
  channel: z.enum(COMPLAINT_CHANNELS).optional(),
  /** The department of the linked staff member, window or case */
  departmentId: z.coerce.number().int().positive().optional(),
  windowId: z.coerce.number().int().positive().optional(),
  /** Not answered and past its deadline */
  overdue: z.enum(["1"]).optional(),
  /** Assigned to the signed-in user */
  mine: z.enum(["1"]).optional(),
  centerId: z.coerce.number().int().positive().optional(),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;

export interface ComplaintDto {
  id: number;
  centerId: number;
  channel: ComplaintChannel;
  complainantName: string | null;
  content: string;
  windowId: number | null;
  windowNumber: number | null;
  staffId: number | null;
  staffName: string | null;
  caseId: number | null;
  caseNo: string | null;
  assignedToId: number | null;
  assignedToName: string | null;
  state: ComplaintState;
  receivedAt: string;
  dueAt: string;
  /** Not answered by its deadline (answered late stays flagged through answeredAt > dueAt) */
  overdue: boolean;
  answer: string | null;
  answeredAt: string | null;
  substantiated: boolean | null;
  closedAt: string | null;
  /** The accountability record a substantiated complaint proposed */
  accountabilityRecordId: number | null;
}

/** Someone a complaint may be assigned to: a supervisor or leader of the complaint's center. */
export interface ComplaintAssigneeDto {
  id: number;
  displayName: string;
  role: "SUPERVISOR" | "LEADER";
}

export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, { zh: string; en: string }> = {
  HOTLINE: { zh: "投诉电话", en: "Hotline" },
  SUGGESTION_BOX: { zh: "意见箱", en: "Suggestion box" },
  FORUM: { zh: "座谈会", en: "Forum" },
  APPOINTED_SUPERVISOR: { zh: "政风行风监督员", en: "Appointed supervisor" },
  WEB: { zh: "网上投诉", en: "Web" },
  CALLBACK: { zh: "电话回访", en: "Callback" },
};
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, { zh: string; en: string }> = {
  OPEN: { zh: "待指派", en: "Open" },
  ASSIGNED: { zh: "办理中", en: "Assigned" },
  ANSWERED: { zh: "已答复", en: "Answered" },
  CLOSED: { zh: "已办结", en: "Closed" },
};
