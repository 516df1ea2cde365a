// The queue-calling system API (叫号, docs/queue-api.md): the hall's queue machine reports what
// happens to each ticket; hallwatch derives window states, rating invitations and waiting/service
// times from it. Authenticated by a per-center API key; every report is idempotent by its eventId.
import { z } from "zod";

export const QUEUE_EVENT_KINDS = ["ISSUED", "CALLED", "STARTED", "FINISHED", "NO_SHOW"] as const;
export const queueEventKindSchema = z.enum(QUEUE_EVENT_KINDS);
export type QueueEventKind = z.infer<typeof queueEventKindSchema>;

/** The path segment of each report: POST /api/queue/v1/tickets/<segment> */
export const QUEUE_EVENT_PATHS: Record<QueueEventKind, string> = {
  ISSUED: "issued",
  CALLED: "called",
  STARTED: "started",
  FINISHED: "finished",
  NO_SHOW: "no-show",
};

const instant = z.iso.datetime({ offset: true });
const base = {
  /** The queue system's own id of this report: resending it changes nothing */
  eventId: z.string().trim().min(1).max(100),
  /** The ticket number as printed (A017); unique within a service day */
  ticketNo: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9-]+$/, "letters, digits and -"),
  /** When the ticket was printed (it names the service day, and wait = call − issue) */
  issuedAt: instant,
};
const atWindow = {
  ...base,
  /** When it happened, by the queue system's clock */
  at: instant,
  /** 窗口号: the number over the window */
  window: z.number().int().positive(),
  /** 工号 of the staff member at the window, if the queue system knows it (else: who is signed in) */
  staffNo: z.string().trim().min(1).max(30).optional(),
  /** 事项编码 of the service item the ticket is for */
  itemCode: z.string().trim().min(1).max(60).optional(),
};

export const queueIssuedBodySchema = z.strictObject({ ...base, itemCode: atWindow.itemCode });
export const queueCalledBodySchema = z.strictObject(atWindow);
export const queueStartedBodySchema = z.strictObject(atWindow);
export const queueFinishedBodySchema = z.strictObject({
  ...atWindow,
  /** Open a rating invitation on the window's pad (default true) */
  invite: z.boolean().default(true),
});
export const queueNoShowBodySchema = z.strictObject({ ...base, at: instant, window: atWindow.window });

export const QUEUE_BODY_SCHEMAS = {
  ISSUED: queueIssuedBodySchema,
  CALLED: queueCalledBodySchema,
  STARTED: queueStartedBodySchema,
  FINISHED: queueFinishedBodySchema,
  NO_SHOW: queueNoShowBodySchema,
} as const;

export type QueueReport =
  | ({ kind: "ISSUED" } & z.infer<typeof queueIssuedBodySchema>)
  | ({ kind: "CALLED" } & z.infer<typeof queueCalledBodySchema>)
  | ({ kind: "STARTED" } & z.infer<typeof queueStartedBodySchema>)
  | ({ kind: "FINISHED" } & z.infer<typeof queueFinishedBodySchema>)
  | ({ kind: "NO_SHOW" } & z.infer<typeof queueNoShowBodySchema>);

export const queueTicketDtoSchema = z.object({
  ticketNo: z.string(),
  serviceDate: z.string(),
  windowNumber: z.number().int().nullable(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  noShow: z.boolean(),
  waitSeconds: z.number().int().nullable(),
  serviceSeconds: z.number().int().nullable(),
  invitationId: z.string().nullable(),
});
export type QueueTicketDto = z.infer<typeof queueTicketDtoSchema>;

/** The answer to every report: the ticket as it stands, and whether this eventId had been seen before. */
export const queueReportResultSchema = z.object({ eventId: z.string(), duplicate: z.boolean(), ticket: queueTicketDtoSchema });
export type QueueReportResult = z.infer<typeof queueReportResultSchema>;

// Administrators' key management (session-authenticated, CSRF as usual)
export const createQueueKeyBodySchema = z.strictObject({ name: z.string().trim().min(1).max(60) });
export const queueKeyDtoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type QueueKeyDto = z.infer<typeof queueKeyDtoSchema>;
/** The key itself is shown once, at creation; only its hash is stored. */
export const createdQueueKeySchema = queueKeyDtoSchema.extend({ key: z.string() });
export type CreatedQueueKey = z.infer<typeof createdQueueKeySchema>;
export const queueKeyParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });
