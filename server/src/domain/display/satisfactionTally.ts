// Today's hall satisfaction for the display, kept as a running tally: read from the database once a day
// (per center), then one rating at a time from evaluation.created. A rating is announced after its
// commit, and a batch of them after the batch's commit, so "announced after the read" does not mean
// "not counted by it": the read notes the table's highest rowid, and a rating adds to the tally only if
// its row came later (ratings are never deleted, so rowids only grow). Nothing is lost or counted twice.
import type Sqlite from "better-sqlite3";
import type { DisplaySatisfactionDto } from "../../contracts/display.ts";
import { isBadReview } from "../../contracts/indicators.ts";
import { sqliteTime } from "../../db/database.ts";
import type { Clock } from "../../lib/clock.ts";
import { satisfactionDay, tallyOf } from "./displaySnapshot.ts";

export class SatisfactionTally {
  private readonly tallies = new Map<number, { tally: DisplaySatisfactionDto; lastRowid: number; from: number; to: number }>();
  private readonly byLevel: Sqlite.Statement;
  private readonly lastRowid: Sqlite.Statement;
  private readonly rowidOf: Sqlite.Statement;
  /** Centers whose tally was read in this turn of the event loop */
  private readonly justRead = new Set<number>();
  private readonly read: (centerId: number, from: string, to: string) => { rows: { level: number; n: number }[]; lastRowid: number };

  constructor(
    raw: Sqlite.Database,
    private readonly clock: Clock,
  ) {
    this.byLevel = raw.prepare(
      `SELECT "level", count(*) AS n FROM "Evaluation" WHERE "centerId" = ? AND "defaulted" = 0 AND "ratedAt" >= ? AND "ratedAt" < ? GROUP BY "level"`,
    );
    this.lastRowid = raw.prepare(`SELECT coalesce(max(rowid), 0) AS r FROM "Evaluation"`);
    this.rowidOf = raw.prepare(`SELECT rowid AS r FROM "Evaluation" WHERE "id" = ?`);
    // One read transaction: the counts and the rowid mark describe the same moment.
    this.read = raw.transaction((centerId: number, from: string, to: string) => ({
      rows: this.byLevel.all(centerId, from, to) as { level: number; n: number }[],
      lastRowid: (this.lastRowid.get() as { r: number }).r,
    }));
  }

  /** Today's tally of the center, read afresh when it is not today's. */
  current(centerId: number): DisplaySatisfactionDto {
    return this.today(centerId).tally;
  }

  /** Counts a rating just committed (its id; ratedAt an ISO instant). */
  add(centerId: number, rating: { id: string; level: number; ratedAt: string }): void {
    const known = this.today(centerId);
    const ratedAt = Date.parse(rating.ratedAt);
    if (!(ratedAt >= known.from && ratedAt < known.to)) return;
    if (this.justRead.has(centerId)) {
      const row = this.rowidOf.get(rating.id) as { r: number } | undefined;
      if (!row || row.r <= known.lastRowid) return; // the read counted it already
    }
    const good = known.tally.good + (isBadReview(rating.level) ? 0 : 1);
    const total = known.tally.total + 1;
    this.tallies.set(centerId, { ...known, tally: { date: known.tally.date, good, total, share: good / total } });
  }

  private today(centerId: number): { tally: DisplaySatisfactionDto; lastRowid: number; from: number; to: number } {
    const now = this.clock.now();
    const known = this.tallies.get(centerId);
    if (known && now.getTime() >= known.from && now.getTime() < known.to) return known;
    const day = satisfactionDay(now);
    const { rows, lastRowid } = this.read(centerId, sqliteTime(day.from), sqliteTime(day.to));
    const fresh = { tally: tallyOf(day.date, rows), lastRowid, from: day.from.getTime(), to: day.to.getTime() };
    // Ratings committed before the read are announced in the same turn of the event loop as their commit
    // (the group committer announces a batch right after it commits): until the next turn, ask each
    // announced rating's rowid; after it, every rating announced was committed after the read.
    this.justRead.add(centerId);
    setImmediate(() => this.justRead.delete(centerId));
    this.tallies.set(centerId, fresh);
    return fresh;
  }
}
