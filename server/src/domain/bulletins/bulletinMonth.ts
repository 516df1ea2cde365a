// A bulletin's month (YYYY-MM) as the assessment period it covers, and as a reader sees it.
import { AppError } from "../../errors.ts";
import { periodByLabel, type Period } from "../assessment/periods.ts";

export function bulletinPeriod(month: string): Period {
  const period = periodByLabel(month);
  if (!period || period.kind !== "MONTH") throw new AppError("VALIDATION_FAILED", { issues: [{ path: "month", code: "invalid_format", message: "月份格式应为 YYYY-MM", messageEn: "A month is YYYY-MM" }] });
  return period;
}

/** 2026-10 → 2026年10月 */
export const monthZh = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
