// The working-day calendar as administrators maintain it: the State Council's holidays and 调休
// workdays of a year the built-in calendar lacks, and the center's own closures.
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "no such date");

export const calendarQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const calendarDayBodySchema = z
  .strictObject({
    date: isoDate,
    kind: z.enum(["HOLIDAY", "WORKDAY", "CLOSURE"]),
    name: z.string().trim().min(1).max(50),
    /** OFFICIAL: the national calendar (all centers); CENTER: this center only */
    scope: z.enum(["OFFICIAL", "CENTER"]),
  })
  .refine((b) => (b.kind === "CLOSURE") === (b.scope === "CENTER"), { path: ["kind"], message: "closures belong to the center; holidays and 调休 workdays to the official calendar" });
export type CalendarDayBody = z.infer<typeof calendarDayBodySchema>;

export const calendarYearBodySchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(2).max(200),
});

export interface CalendarDto {
  year: number;
  known: boolean;
  days: { date: string; kind: "HOLIDAY" | "WORKDAY" | "CLOSURE"; name: string; official: boolean }[];
}
