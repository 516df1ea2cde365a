// Ratings as people read them (the live feed, the staff's 邀请评价 button). The pad's own messages
// are in contracts/kiosk.ts.
import { z } from "zod";
import type { EvaluationFeedItem } from "./kiosk.ts";

export const recentEvaluationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  centerId: z.coerce.number().int().positive().optional(),
});

/** Staff invite a rating at the window they are signed in to; supervisors name the window. */
export const inviteBodySchema = z.strictObject({
  windowId: z.number().int().positive().optional(),
});
export type InviteBody = z.infer<typeof inviteBodySchema>;

/** POST /api/invitations/:id/cancel — the invitation's UUID. */
export const invitationIdParamSchema = z.strictObject({ id: z.uuid() });

export const invitationDtoSchema = z.object({
  id: z.string(),
  windowId: z.number().int(),
  staffId: z.number().int().nullable(),
  source: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  cancelledAt: z.string().nullable(),
});
export type InvitationDto = z.infer<typeof invitationDtoSchema>;

export const evaluationFeedItemSchema = z.object({
  id: z.string(),
  centerId: z.number().int(),
  windowId: z.number().int().nullable(),
  windowNumber: z.number().int().nullable(),
  staffId: z.number().int().nullable(),
  staffName: z.string().nullable(),
  departmentIds: z.array(z.number().int()),
  level: z.number().int(),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  bound: z.boolean(),
  channel: z.string(),
  ratedAt: z.string(),
  receivedAt: z.string(),
}) satisfies z.ZodType<EvaluationFeedItem>;
export const recentEvaluationsSchema = z.object({ items: z.array(evaluationFeedItemSchema) });
export type RecentEvaluations = { items: EvaluationFeedItem[] };
