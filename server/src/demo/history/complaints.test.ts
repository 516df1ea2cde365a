// The demo quarter of complaints: deterministic, every channel, a consistent life for each (answered
// before closed, closed ones found, substantiated ones about a staff member with a record), some still
// being handled and a few unanswered past their deadline.
import { describe, expect, it } from "vitest";
import { generateHall } from "../generateHall.ts";
import { generateComplaintHistory } from "./complaints.ts";

const now = new Date("2026-11-28T12:00:00.000Z");
const hall = generateHall({ seed: 7, centerIndex: 0, now });

describe("generateComplaintHistory", () => {
  const rows = generateComplaintHistory(hall, { seed: 7, now });

  it("is deterministic for a seed and fills a quarter", () => {
    expect(generateComplaintHistory(hall, { seed: 7, now })).toEqual(rows);
    expect(rows.length).toBeGreaterThan(12);
    expect(rows.length).toBeLessThan(60);
    expect(new Set(rows.map((r) => r.channel)).size).toBeGreaterThanOrEqual(4);
  });

  it("gives each complaint a consistent life", () => {
    for (const c of rows) {
      expect(c.receivedAt.getTime()).toBeLessThan(c.dueAt.getTime());
      expect(c.receivedAt.getTime()).toBeLessThan(now.getTime());
      if (c.state === "CLOSED") expect(c.answeredAt !== null && c.substantiated !== null && c.closedAt !== null).toBe(true);
      if (c.state === "ANSWERED" || c.state === "CLOSED") expect(c.answer).not.toBeNull();
      if (c.state === "OPEN" || c.state === "ASSIGNED") expect(c.answeredAt).toBeNull();
      if (c.answeredAt) expect(c.answeredAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (c.substantiated) expect(c.staffKey !== null && c.record !== null).toBe(true);
      if (c.record) expect(c.substantiated).toBe(true);
    }
  });

  it("has complaints still being handled, some substantiated, and a few unanswered past their deadline", () => {
    expect(rows.some((c) => c.state !== "CLOSED")).toBe(true);
    expect(rows.some((c) => c.substantiated === true)).toBe(true);
    expect(rows.some((c) => c.answeredAt === null && c.dueAt.getTime() < now.getTime())).toBe(true);
  });
});
