// Presence at the windows (#3): a shift is one staff member signed in to one window until they sign
// out; pauses say why a signed-in window is not serving. Approved absences with a cover (AB岗) are
// recorded so that an empty window with cover is not counted as a failure.
import { z } from "zod";

export const PAUSE_REASONS = ["BREAK", "MEETING", "TRAINING", "OUTSIDE_BUSINESS", "OTHER"] as const;
export const pauseReasonSchema = z.enum(PAUSE_REASONS);
export type PauseReason = z.infer<typeof pauseReasonSchema>;
export const PAUSE_REASON_LABELS: Record<PauseReason, { zh: string; en: string }> = {
  BREAK: { zh: "休息", en: "Break" },
  MEETING: { zh: "开会", en: "Meeting" },
  TRAINING: { zh: "培训", en: "Training" },
  OUTSIDE_BUSINESS: { zh: "外出办事", en: "Business outside" },
  OTHER: { zh: "其他", en: "Other" },
};

export const ABSENCE_KINDS = ["LEAVE", "BUSINESS_TRIP", "TRAINING"] as const;
export const absenceKindSchema = z.enum(ABSENCE_KINDS);
export const ABSENCE_KIND_LABELS: Record<(typeof ABSENCE_KINDS)[number], { zh: string; en: string }> = {
  LEAVE: { zh: "请假", en: "Leave" },
  BUSINESS_TRIP: { zh: "出差", en: "Business trip" },
  TRAINING: { zh: "培训", en: "Training" },
};

export const signInBodySchema = z.strictObject({ windowId: z.number().int().positive() });
export const pauseBodySchema = z.strictObject({ reason: pauseReasonSchema, note: z.string().trim().max(200).optional() });
export type PauseBody = z.infer<typeof pauseBodySchema>;

export const shiftDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  windowId: z.number().int(),
  staffId: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  pause: z.object({ reason: pauseReasonSchema, note: z.string().nullable(), startedAt: z.string() }).nullable(),
});
export type ShiftDto = z.infer<typeof shiftDtoSchema>;

/** A window a staff member may sign in to, and why: regular post, AB岗 backup, or cover for an absence. */
export const signableWindowSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  via: z.enum(["REGULAR", "BACKUP", "COVER"]),
});
export const myShiftDtoSchema = z.object({
  shift: shiftDtoSchema.nullable(),
  windows: z.array(signableWindowSchema),
  hours: z.object({ opensAt: z.string(), closesAt: z.string(), lunchStartsAt: z.string(), lunchEndsAt: z.string() }),
});
export type MyShiftDto = z.infer<typeof myShiftDtoSchema>;

const isoInstant = z.iso.datetime({ offset: true });
export const createAbsenceBodySchema = z
  .strictObject({
    staffId: z.number().int().positive(),
    kind: absenceKindSchema,
    startsAt: isoInstant,
    endsAt: isoInstant,
    coverStaffId: z.number().int().positive().nullable(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "ends before it starts" });
    if (v.coverStaffId === v.staffId) ctx.addIssue({ code: "custom", path: ["coverStaffId"], message: "cannot cover oneself" });
  });
export type CreateAbsenceBody = z.infer<typeof createAbsenceBodySchema>;
export const absenceDtoSchema = z.object({
  id: z.number().int(),
  staffId: z.number().int(),
  staffName: z.string(),
  kind: absenceKindSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  coverStaffId: z.number().int().nullable(),
  coverStaffName: z.string().nullable(),
  approvedById: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type AbsenceDto = z.infer<typeof absenceDtoSchema>;

export const absenceQuerySchema = z.object({
  staffId: z.coerce.number().int().positive().optional(),
  /** true: only absences going on now */
  current: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

/**
 * Who is on duty now (the supervisors' "在岗情况"): each open shift with its window, staff member and
 * pause, and each absence going on now with its cover and where the cover is signed in, if anywhere.
 */
export const dutyBoardDtoSchema = z.object({
  at: z.string(),
  phase: z.enum(["OPEN", "LUNCH", "CLOSED"]),
  onDuty: z.array(
    z.object({
      shiftId: z.number().int(),
      windowId: z.number().int(),
      windowNumber: z.number().int(),
      windowName: z.string(),
      zone: z.string(),
      staffId: z.number().int(),
      staffName: z.string(),
      staffNo: z.string(),
      startedAt: z.string(),
      pause: z.object({ reason: pauseReasonSchema, note: z.string().nullable(), startedAt: z.string() }).nullable(),
    }),
  ),
  absentNow: z.array(
    absenceDtoSchema.extend({
      /** The absent staff member's windows (regular posts) */
      windowNumbers: z.array(z.number().int()),
      /** Where the cover is signed in now, or null */
      coverWindowNumber: z.number().int().nullable(),
    }),
  ),
});
export type DutyBoardDto = z.infer<typeof dutyBoardDtoSchema>;
