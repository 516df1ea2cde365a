// First-inquiry responsibility (首问责任): registering an inquiry, handing it over, acknowledging, closing.
import { z } from "zod";
import { phoneSchema } from "./cases.ts";

export const INQUIRY_STATES = ["OPEN", "HANDED_OVER", "CLOSED"] as const;

export const registerInquiryBodySchema = z
  .strictObject({
    windowId: z.number().int().positive(),
    topic: z.string().trim().min(2).max(200),
    itemId: z.number().int().positive().optional(),
    askerName: z.string().trim().min(1).max(50).optional(),
    askerPhone: phoneSchema.optional(),
    /** Answered on the spot: closed at once with its outcome */
    answeredOnSpot: z.boolean().default(false),
    outcome: z.string().trim().min(2).max(500).optional(),
  })
  .refine((b) => !b.answeredOnSpot || b.outcome !== undefined, { path: ["outcome"], message: "answered on the spot needs the answer" });
export type RegisterInquiryBody = z.input<typeof registerInquiryBodySchema>;

export const handOverInquiryBodySchema = z.strictObject({
  toWindowId: z.number().int().positive(),
  toStaffId: z.number().int().positive().optional(),
  note: z.string().trim().max(500).optional(),
});
export type HandOverInquiryBody = z.infer<typeof handOverInquiryBodySchema>;

export const closeInquiryBodySchema = z.strictObject({ outcome: z.string().trim().min(2).max(500) });

export const inquiryListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** Words of the topic, the asker's or the first staff member's name */
  q: z.string().trim().max(100).optional(),
  state: z.enum(INQUIRY_STATES).optional(),
  warned: z.enum(["1"]).optional(),
  /** The window it was asked at */
  windowId: z.coerce.number().int().positive().optional(),
  /** The first staff member's department */
  departmentId: z.coerce.number().int().positive().optional(),
  /** Waiting for the signed-in staff member (or their window) to acknowledge a hand-over */
  toAcknowledge: z.enum(["1"]).optional(),
  centerId: z.coerce.number().int().positive().optional(),
});
export type InquiryListQuery = z.infer<typeof inquiryListQuerySchema>;

/** Where an inquiry may be handed: the center's active windows and who works at each. */
export interface HandoverTargetDto {
  windowId: number;
  number: number;
  name: string;
  staff: { id: number; name: string }[];
}

export interface InquiryHandoverDto {
  id: number;
  fromStaffId: number;
  toStaffId: number | null;
  toStaffName: string | null;
  toWindowId: number;
  toWindowNumber: number;
  at: string;
  note: string | null;
  acknowledgedAt: string | null;
}

export interface InquiryDto {
  id: number;
  centerId: number;
  windowId: number;
  windowNumber: number;
  firstStaffId: number;
  firstStaffName: string;
  topic: string;
  itemId: number | null;
  askerName: string | null;
  state: (typeof INQUIRY_STATES)[number];
  openedAt: string;
  closedAt: string | null;
  outcome: string | null;
  warnedAt: string | null;
  handovers: InquiryHandoverDto[];
}

export const INQUIRY_STATE_LABELS: Record<(typeof INQUIRY_STATES)[number], { zh: string; en: string }> = {
  OPEN: { zh: "待答复", en: "Open" },
  HANDED_OVER: { zh: "已转交", en: "Handed over" },
  CLOSED: { zh: "已办结", en: "Closed" },
};
