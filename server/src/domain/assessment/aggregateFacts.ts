// The facts of one period, aggregated in the database: one grouped query per kind of record, keyed by
// window and staff member, so a quarter's half a million ratings come back as a few thousand counts.
// Prisma's groupBy keeps the SQL portable (SQLite and PostgreSQL alike); the two big aggregates
// (ratings, and cases completed by their due time) are standard-SQL $queryRaw, so their plan is known. The big tables (ratings, cases) are
// read through covering indexes (schema.prisma), so a quarter's 0.5 M ratings need no table lookups.
// A department's facts are the merge of its staff's; the hall's the merge of every window's.
import { ACCOUNTABILITY_KINDS } from "../../contracts/accountability.ts";
import { COMMENDATION_KINDS, type CommendationKind, type RatingLevel } from "../../contracts/assessmentRules.ts";
import type { PrismaClient, Tx } from "../../db/database.ts";
import type { AccountabilityKind, RatingCount, SubjectFacts } from "./scoreSubject.ts";

export interface PeriodRange {
  start: Date;
  end: Date;
}

export interface PeriodFacts {
  windows: Map<number, SubjectFacts>;
  staff: Map<number, SubjectFacts>;
}

interface MutableFacts {
  ratings: RatingCount[];
  cases: { onTime: number; late: number };
  inquiries: { onTime: number; late: number };
  rectifications: { onTime: number; late: number };
  inspectionFindings: Record<string, number>;
  accountability: Partial<Record<AccountabilityKind, number>>;
  substantiatedComplaints: number;
  commendations: Partial<Record<CommendationKind, number>>;
}

const blank = (): MutableFacts => ({
  ratings: [],
  cases: { onTime: 0, late: 0 },
  inquiries: { onTime: 0, late: 0 },
  rectifications: { onTime: 0, late: 0 },
  inspectionFindings: {},
  accountability: {},
  substantiatedComplaints: 0,
  commendations: {},
});

class FactsTable {
  readonly windows = new Map<number, MutableFacts>();
  readonly staff = new Map<number, MutableFacts>();
  /** Applies `fn` to the window's and the staff member's facts (either may be absent on a record). */
  each(windowId: number | null, staffId: number | null, fn: (f: MutableFacts) => void): void {
    for (const [map, key] of [
      [this.windows, windowId],
      [this.staff, staffId],
    ] as const) {
      if (key === null) continue;
      let f = map.get(key);
      if (!f) map.set(key, (f = blank()));
      fn(f);
    }
  }
}

const isRatingLevel = (n: number): n is RatingLevel => n >= 1 && n <= 5 && Number.isInteger(n);
const isCommendationKind = (k: string): k is CommendationKind => (COMMENDATION_KINDS as readonly string[]).includes(k);
const isAccountabilityKind = (k: string): k is AccountabilityKind => (ACCOUNTABILITY_KINDS as readonly string[]).includes(k);

/** Adds a rating group to a subject's list, merging equal keys so the facts stay small and order-free. */
function addRating(f: MutableFacts, r: RatingCount): void {
  const same = f.ratings.find((x) => x.level === r.level && x.bound === r.bound && x.defaulted === r.defaulted && x.appealUpheld === r.appealUpheld);
  if (same) same.count += r.count;
  else f.ratings.push({ ...r });
}

/** Aggregates the facts of every window and staff member of a center over [start, end). */
export async function aggregatePeriodFacts(prisma: PrismaClient | Tx, centerId: number, range: PeriodRange, onProgress?: (share: number) => Promise<void>): Promise<PeriodFacts> {
  const { start, end } = range;
  const t = new FactsTable();
  const inPeriod = { gte: start, lt: end };
  const step = async (share: number) => onProgress?.(share);

  // Ratings by ratedAt, grouped in one pass over a covering index. Those whose bad-review appeal was
  // upheld are found from the (small) Appeal side — CROSS JOIN makes SQLite start there, as PostgreSQL's
  // planner would — and moved to their own, always excluded, group. Standard SQL: the booleans come
  // back as 0/1 from SQLite and true/false from PostgreSQL, and counts may be bigint.
  type RatingRow = { windowId: number | null; staffId: number | null; level: number; bound: boolean | number; defaulted: boolean | number };
  const [ratingRows, upheldRows] = await Promise.all([
    prisma.$queryRaw<(RatingRow & { n: number | bigint })[]>`
      SELECT "windowId", "staffId", "level", "bound", "defaulted", COUNT(*) AS "n"
      FROM "Evaluation"
      WHERE "centerId" = ${centerId} AND "ratedAt" >= ${start} AND "ratedAt" < ${end}
      GROUP BY "windowId", "staffId", "level", "bound", "defaulted"`,
    prisma.$queryRaw<RatingRow[]>`
      SELECT e."windowId", e."staffId", e."level", e."bound", e."defaulted"
      FROM "Appeal" a CROSS JOIN "Evaluation" e
      WHERE e."id" = a."evaluationId" AND a."state" = 'UPHELD' AND e."centerId" = ${centerId} AND e."ratedAt" >= ${start} AND e."ratedAt" < ${end}`,
  ]);
  const norm = (r: RatingRow) => ({ windowId: r.windowId === null ? null : Number(r.windowId), staffId: r.staffId === null ? null : Number(r.staffId), level: Number(r.level), bound: Boolean(r.bound), defaulted: Boolean(r.defaulted) });
  const allRatings = ratingRows.map((r) => ({ ...norm(r), _count: { _all: Number(r.n) } }));
  const upheldRatings = upheldRows.map((r) => ({ evaluation: norm(r) }));
  const upheldKey = (r: { windowId: number | null; staffId: number | null; level: number; bound: boolean; defaulted: boolean }) => `${r.windowId}:${r.staffId}:${r.level}:${r.bound}:${r.defaulted}`;
  const upheld = new Map<string, number>();
  for (const a of upheldRatings) upheld.set(upheldKey(a.evaluation), (upheld.get(upheldKey(a.evaluation)) ?? 0) + 1);
  for (const r of allRatings) {
    if (!isRatingLevel(r.level)) continue;
    const level = r.level;
    const appealed = upheld.get(upheldKey(r)) ?? 0;
    const plain = r._count._all - appealed;
    t.each(r.windowId, r.staffId, (f) => {
      if (plain > 0) addRating(f, { level, bound: r.bound, defaulted: r.defaulted, appealUpheld: false, count: plain });
      if (appealed > 0) addRating(f, { level, bound: r.bound, defaulted: r.defaulted, appealUpheld: true, count: appealed });
    });
  }
  await step(0.4);

  // Cases completed in the period; on time when completed by the promised due time (限时办结). One
  // pass in standard SQL (a conditional sum, which groupBy cannot express) over a covering index.
  const cases = await prisma.$queryRaw<{ windowId: number; handledById: number; n: number | bigint; onTime: number | bigint | null }[]>`
    SELECT "windowId", "handledById", COUNT(*) AS "n", SUM(CASE WHEN "completedAt" <= "dueAt" THEN 1 ELSE 0 END) AS "onTime"
    FROM "Case"
    WHERE "centerId" = ${centerId} AND "completedAt" >= ${start} AND "completedAt" < ${end}
    GROUP BY "windowId", "handledById"`;
  for (const c of cases) {
    const n = Number(c.n);
    const onTime = Number(c.onTime ?? 0);
    t.each(Number(c.windowId), Number(c.handledById), (f) => {
      f.cases.onTime += onTime;
      f.cases.late += n - onTime;
    });
  }
  await step(0.55);

  // First inquiries opened in the period; late when the end-of-day sweep warned about them (首问责任).
  const [inquiriesAll, inquiriesLate] = await Promise.all([
    prisma.inquiry.groupBy({ by: ["windowId", "firstStaffId"], where: { centerId, openedAt: inPeriod }, _count: { _all: true } }),
    prisma.inquiry.groupBy({ by: ["windowId", "firstStaffId"], where: { centerId, openedAt: inPeriod, warnedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const lateInquiries = new Map(inquiriesLate.map((c) => [`${c.windowId}:${c.firstStaffId}`, c._count._all]));
  for (const c of inquiriesAll) {
    const late = lateInquiries.get(`${c.windowId}:${c.firstStaffId}`) ?? 0;
    t.each(c.windowId, c.firstStaffId, (f) => {
      f.inquiries.onTime += c._count._all - late;
      f.inquiries.late += late;
    });
  }

  // Rectifications closed in the period, by the rated window and staff member; late when a step ever
  // missed its due time (overdueAt) or the closing step itself was late. Bad reviews are a few per
  // cent of ratings, so they are read from the Rectification side rather than grouped over ratings.
  const rectifications = await prisma.rectification.findMany({
    where: { centerId, closedAt: inPeriod },
    select: { closedAt: true, stepDueAt: true, overdueAt: true, evaluation: { select: { windowId: true, staffId: true } } },
  });
  for (const r of rectifications) {
    const late = r.overdueAt !== null || (r.closedAt !== null && r.closedAt > r.stepDueAt);
    t.each(r.evaluation.windowId, r.evaluation.staffId, (f) => {
      if (late) f.rectifications.late += 1;
      else f.rectifications.onTime += 1;
    });
  }
  await step(0.7);

  // Failed inspection findings: grouped per inspection and code, then attributed through the (few)
  // inspections of the period that had a deduction.
  const [findings, inspections] = await Promise.all([
    prisma.inspectionFinding.groupBy({ by: ["inspectionId", "checkCode"], where: { passed: false, inspection: { is: { centerId, at: inPeriod } } }, _count: { _all: true } }),
    prisma.inspection.findMany({ where: { centerId, at: inPeriod, findings: { some: { passed: false } } }, select: { id: true, windowId: true, staffId: true } }),
  ]);
  const inspectionOf = new Map(inspections.map((i) => [i.id, i]));
  for (const g of findings) {
    const i = inspectionOf.get(g.inspectionId);
    if (!i) continue;
    t.each(i.windowId, i.staffId, (f) => {
      f.inspectionFindings[g.checkCode] = (f.inspectionFindings[g.checkCode] ?? 0) + g._count._all;
    });
  }

  // Confirmed accountability records, substantiated complaints and commendations in the period.
  const [accountability, complaints, commendations] = await Promise.all([
    prisma.accountabilityRecord.groupBy({ by: ["windowId", "staffId", "kind"], where: { centerId, state: "CONFIRMED", occurredAt: inPeriod }, _count: { _all: true } }),
    prisma.complaint.groupBy({ by: ["windowId", "staffId"], where: { centerId, substantiated: true, receivedAt: inPeriod }, _count: { _all: true } }),
    prisma.commendation.groupBy({ by: ["windowId", "staffId", "kind"], where: { centerId, at: inPeriod }, _count: { _all: true } }),
  ]);
  for (const a of accountability) {
    if (!isAccountabilityKind(a.kind)) continue;
    const kind = a.kind;
    t.each(a.windowId, a.staffId, (f) => {
      f.accountability[kind] = (f.accountability[kind] ?? 0) + a._count._all;
    });
  }
  for (const c of complaints) t.each(c.windowId, c.staffId, (f) => void (f.substantiatedComplaints += c._count._all));
  for (const c of commendations) {
    if (!isCommendationKind(c.kind)) continue;
    const kind = c.kind;
    t.each(c.windowId, c.staffId, (f) => {
      f.commendations[kind] = (f.commendations[kind] ?? 0) + c._count._all;
    });
  }
  await step(0.8);

  const sortRatings = (f: MutableFacts): SubjectFacts => ({
    ...f,
    // A fixed order, so equal facts are equal objects whatever order the database returned rows in
    ratings: [...f.ratings].sort((a, b) => b.level - a.level || Number(b.bound) - Number(a.bound) || Number(a.defaulted) - Number(b.defaulted) || Number(a.appealUpheld) - Number(b.appealUpheld)),
  });
  return {
    windows: new Map([...t.windows].map(([k, v]) => [k, sortRatings(v)])),
    staff: new Map([...t.staff].map(([k, v]) => [k, sortRatings(v)])),
  };
}
