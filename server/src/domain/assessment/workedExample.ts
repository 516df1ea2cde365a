// The worked example of docs/scoring.md: a three-window hall over 2026-Q3 under the default rules.
// workedExample.test.ts computes it and asserts every figure the document shows.
import type { SubjectFacts } from "./scoreSubject.ts";
import { emptyFacts } from "./scoreSubject.ts";

const r = (level: 1 | 2 | 3 | 4 | 5, count: number, flags: { bound?: boolean; defaulted?: boolean; appealUpheld?: boolean } = {}) => ({
  level,
  count,
  bound: flags.bound ?? true,
  defaulted: flags.defaulted ?? false,
  appealUpheld: flags.appealUpheld ?? false,
});

/** 社保窗口 (window 12): busy, mostly happy citizens, one overdue case, one inspection finding, a praise letter */
export const WINDOW_12: SubjectFacts = {
  ...emptyFacts(),
  ratings: [
    r(5, 300),
    r(4, 60),
    r(3, 15),
    r(2, 4),
    r(1, 1),
    r(1, 2, { appealUpheld: true }),
    r(5, 80, { bound: false }),
    r(3, 10, { defaulted: true }),
  ],
  cases: { onTime: 410, late: 3 },
  inquiries: { onTime: 95, late: 1 },
  rectifications: { onTime: 4, late: 1 },
  inspectionFindings: { ON_POST: 1 },
  commendations: { PRAISE_LETTER: 2 },
};

/** 不动产窗口 (window 20): solid, but a substantiated complaint this quarter (一票否决) */
export const WINDOW_20: SubjectFacts = {
  ...emptyFacts(),
  ratings: [r(5, 400), r(4, 30), r(3, 5)],
  cases: { onTime: 520, late: 0 },
  inquiries: { onTime: 120, late: 0 },
  rectifications: { onTime: 0, late: 0 },
  substantiatedComplaints: 1,
};

/** 公安户籍窗口 (window 31): opened late in the quarter, two perfect ratings */
export const WINDOW_31: SubjectFacts = {
  ...emptyFacts(),
  ratings: [r(5, 2)],
  cases: { onTime: 6, late: 0 },
};
