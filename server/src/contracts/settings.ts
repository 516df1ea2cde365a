// A center's settings (stored as JSON on the center row). Validated on every write and read.
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
/** "HH:MM" as minutes since midnight (both sides of a comparison are already checked by hhmm). */
export const minutesOfDay = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

export const centerSettingsSchema = z.strictObject({
  timezone: z.literal("Asia/Shanghai").default("Asia/Shanghai"),
  // Opening hours on working days and the lunch break (windows may be closed at lunch)
  opensAt: hhmm.default("09:00"),
  closesAt: hhmm.default("17:00"),
  lunchStartsAt: hhmm.default("12:00"),
  lunchEndsAt: hhmm.default("13:30"),
  // Staff may sign in to their window this many minutes before opening (to get ready), not earlier
  signInEarlyMinutes: z.number().int().min(0).max(120).default(30),
  // A case turns yellow this many working days before its deadline
  warnWorkingDaysBefore: z.number().int().min(0).max(30).default(2),
  // Bad-review loop (docs/bad-reviews.md): the whole loop from the rating to the close, in working days;
  // 5 as in Dezhou's rules, some localities use 15. Each step is due after its own days, never later than
  // the loop's deadline (a rectification plan moves it to the plan's own deadline).
  rectificationWorkingDays: z.number().int().min(1).max(60).default(5),
  rectificationVerifyWorkingDays: z.number().int().min(1).max(60).default(1),
  rectificationResolveWorkingDays: z.number().int().min(1).max(60).default(2),
  rectificationCallbackWorkingDays: z.number().int().min(1).max(60).default(2),
  rectificationCloseWorkingDays: z.number().int().min(1).max(60).default(1),
  // A callback number left on the pad is deleted this many days after the ticket closes (PIPL: no longer than needed)
  rectificationPhoneRetentionDays: z.number().int().min(0).max(365).default(30),
  complaintWorkingDays: z.number().int().min(1).max(60).default(5),
  // First inquiries (首问): one still open at this time of the working day it was asked on warns its
  // owner; one still open this many working days later (at the same time) proposes an inaction record
  inquiryWarnAt: hhmm.default("17:00"),
  inquiryInactionWorkingDays: z.number().int().min(1).max(30).default(2),
  // Ratings by phone (#6): the SMS of a completed case carries a one-time rating link valid this many
  // days (0 = no link). A case still unrated this many days after completion gets a defaulted rating
  // at defaultRatingLevel (0 = never): a provincial choice (some default 基本满意 after 7 days), so off
  // unless the center turns it on; defaulted ratings are kept apart and not scored (docs/ratings-export.md)
  ratingLinkDays: z.number().int().min(0).max(30).default(7),
  defaultRatingDays: z.number().int().min(0).max(60).default(0),
  defaultRatingLevel: z.number().int().min(3).max(5).default(3),
}).superRefine((s, ctx) => {
  // The hall closes after it opens, and the lunch break lies inside the opening hours
  const [opens, closes, lunchStarts, lunchEnds] = [s.opensAt, s.closesAt, s.lunchStartsAt, s.lunchEndsAt].map(minutesOfDay) as [number, number, number, number];
  if (closes <= opens) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closes before it opens" });
  if (lunchStarts < opens || lunchStarts >= closes) ctx.addIssue({ code: "custom", path: ["lunchStartsAt"], message: "lunch starts outside the opening hours" });
  if (lunchEnds <= lunchStarts || lunchEnds > closes) ctx.addIssue({ code: "custom", path: ["lunchEndsAt"], message: "lunch ends before it starts or after closing" });
});
export type CenterSettings = z.infer<typeof centerSettingsSchema>;
export const DEFAULT_CENTER_SETTINGS: CenterSettings = centerSettingsSchema.parse({});
