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
  // Bad-review loop step deadline (working days); 5 as in Dezhou's rules, some provinces use 15
  rectificationWorkingDays: z.number().int().min(1).max(60).default(5),
  complaintWorkingDays: z.number().int().min(1).max(60).default(5),
  // First inquiries (首问): one still open at this time of the working day it was asked on warns its
  // owner; one still open this many working days later (at the same time) proposes an inaction record
  inquiryWarnAt: hhmm.default("17:00"),
  inquiryInactionWorkingDays: z.number().int().min(1).max(30).default(2),
}).superRefine((s, ctx) => {
  // The hall closes after it opens, and the lunch break lies inside the opening hours
  const [opens, closes, lunchStarts, lunchEnds] = [s.opensAt, s.closesAt, s.lunchStartsAt, s.lunchEndsAt].map(minutesOfDay) as [number, number, number, number];
  if (closes <= opens) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closes before it opens" });
  if (lunchStarts < opens || lunchStarts >= closes) ctx.addIssue({ code: "custom", path: ["lunchStartsAt"], message: "lunch starts outside the opening hours" });
  if (lunchEnds <= lunchStarts || lunchEnds > closes) ctx.addIssue({ code: "custom", path: ["lunchEndsAt"], message: "lunch ends before it starts or after closing" });
});
export type CenterSettings = z.infer<typeof centerSettingsSchema>;
export const DEFAULT_CENTER_SETTINGS: CenterSettings = centerSettingsSchema.parse({});
