// How a period reads: "2026-Q3（2026-07-01 至 2026-09-30）" — the label with its Shanghai days.
import type { PeriodDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import type { Language } from "../../../lib/i18n.ts";

export const periodName = (period: PeriodDto, lang: Language): string =>
  lang === "en" ? `${period.label} (${period.firstDay} – ${period.lastDay})` : `${period.label}（${period.firstDay} 至 ${period.lastDay}）`;
