// A center's settings (stored as JSON on the center row). Validated on every write and read.
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

export const centerSettingsSchema = z.strictObject({
  timezone: z.literal("Asia/Shanghai").default("Asia/Shanghai"),
  // Opening hours on working days and the lunch break (windows may be closed at lunch)
  opensAt: hhmm.default("09:00"),
  closesAt: hhmm.default("17:00"),
  lunchStartsAt: hhmm.default("12:00"),
  lunchEndsAt: hhmm.default("13:30"),
  // A case turns yellow this many working days before its deadline
  warnWorkingDaysBefore: z.number().int().min(0).max(30).default(2),
  // Bad-review loop step deadline (working days); 5 as in Dezhou's rules, some provinces use 15
  rectificationWorkingDays: z.number().int().min(1).max(60).default(5),
  complaintWorkingDays: z.number().int().min(1).max(60).default(5),
});
export type CenterSettings = z.infer<typeof centerSettingsSchema>;
export const DEFAULT_CENTER_SETTINGS: CenterSettings = centerSettingsSchema.parse({});
