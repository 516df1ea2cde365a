// The audit log as the auditor reads it.
import { z } from "zod";
import { pageQuerySchema } from "./common.ts";

export const auditEntryDtoSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  centerId: z.number().int().nullable(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  /** Time range [from, to), ISO instants */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
