// The rating pad protocol, version 1 (docs/kiosk-protocol.md): the handshake, the messages each way,
// the submit payload and its acknowledgement, and the versioned 好差评 indicator set. Imports only zod:
// the server, the admin client and the pad app all read it.
import { z } from "zod";

export const KIOSK_PROTOCOL = 1;
export const KIOSK_NAMESPACE = "/kiosk";

export * from "./indicators.ts";
import { reasonFitsLevel, COMMENT_MAX } from "./indicators.ts";


/** Pad → server `evaluation.submit`. Strict: unknown fields are refused. */
export const evaluationSubmitSchema = z
  .object({
    id: z.uuid(),
    invitationId: z.uuid().optional(),
    level: z.number().int().min(1).max(5),
    reasons: z.array(z.string().max(16)).max(8).optional(),
    comment: z.string().max(COMMENT_MAX).optional(),
    ratedAt: z.iso.datetime({ offset: true }),
    /** A bad review only (level ≤ 2): a mainland mobile number for the callback (#6), stored encrypted */
    callbackPhone: z.string().regex(/^1[3-9]\d{9}$/, "mainland mobile number, 11 digits").optional(),
    /** Required with callbackPhone: the citizen ticked the consent line (PIPL) */
    callbackConsent: z.literal(true).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.callbackPhone !== undefined && v.level > 2) ctx.addIssue({ code: "custom", path: ["callbackPhone"], message: "a callback number is taken with a bad review (level 1 or 2) only" });
    if (v.callbackPhone !== undefined && v.callbackConsent !== true) ctx.addIssue({ code: "custom", path: ["callbackConsent"], message: "a callback number needs the citizen's consent" });
    if (v.callbackPhone === undefined && v.callbackConsent !== undefined) ctx.addIssue({ code: "custom", path: ["callbackConsent"], message: "consent without a number" });
    const seen = new Set<string>();
    for (const [i, code] of (v.reasons ?? []).entries()) {
      if (!reasonFitsLevel(code, v.level)) ctx.addIssue({ code: "custom", path: ["reasons", i], message: `unknown reason ${code} for level ${v.level}` });
      if (seen.has(code)) ctx.addIssue({ code: "custom", path: ["reasons", i], message: `repeated reason ${code}` });
      seen.add(code);
    }
  });
export type EvaluationSubmit = z.infer<typeof evaluationSubmitSchema>;

/** Codes a submit may be refused with (each with retryable as documented). */
export const SUBMIT_ERROR_CODES = [
  "INVALID_PAYLOAD", // not an object, wrong types, unknown fields, unknown reasons, too long a comment
  "INVITATION_NOT_FOUND", // no such invitation, or it belongs to another window
  "INVITATION_EXPIRED",
  "INVITATION_CANCELLED",
  "ALREADY_RATED", // 一次一评: the invitation has a rating already
  "WALKUP_TOO_SOON", // walk-ups from one pad closer than WALKUP_MIN_INTERVAL_S
  "STAFF_CANNOT_RATE",
  "DEVICE_REVOKED",
  "RATE_LIMITED", // a flood: too many submits in a short time (retryable)
  "BUSY", // database busy or failing (retryable)
  "SHUTTING_DOWN", // retryable
] as const;
export type SubmitErrorCode = (typeof SUBMIT_ERROR_CODES)[number];

export type SubmitAck =
  | { ok: true; id: string; duplicate: boolean }
  | { ok: false; error: { code: SubmitErrorCode; message: string; retryable: boolean } };

/** Server → pad `window.updated`. */
export interface WindowUpdated {
  windowId: number;
  number: number;
  name: string;
  departments: string[];
  state: "OPEN" | "PAUSED" | "CLOSED";
  staff: { id: number; name: string; staffNo: string; photoUrl: string | null } | null;
  /** Days a callback number left with a bad review is kept after its ticket closes (the consent line says so, #6) */
  callbackRetentionDays: number;
}

/** Server → pad `invitation.created`. */
export interface InvitationMessage {
  invitationId: string;
  caseNo?: string;
  itemName?: string;
  expiresAt: string;
}

/** Domain event: the pads of the window hear `invitation.created` with the message part. */
export interface InvitationCreatedEvent {
  centerId: number;
  windowId: number;
  message: InvitationMessage;
}

/** What supervisors see for each stored rating (`evaluation.created` on /supervisor). */
export interface EvaluationFeedItem {
  id: string;
  centerId: number;
  windowId: number | null;
  windowNumber: number | null;
  staffId: number | null;
  staffName: string | null;
  departmentIds: number[];
  level: number;
  reasons: string[];
  comment: string | null;
  bound: boolean;
  channel: string;
  ratedAt: string;
  receivedAt: string;
}
export type EvaluationCreatedEvent = EvaluationFeedItem;
