import { describe, expect, it } from "vitest";
import { queueTimesBy, type FinishedTicket } from "./queueTimes.ts";

const at = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);
const wang = { id: 1, name: "王芳" };
const li = { id: 2, name: "李强" };
const permit = { id: 9, name: "营业执照" };
const ticket = (finished: string | null, staff: FinishedTicket["staff"], wait: number | null, service: number | null, noShow = false): FinishedTicket => ({
  finishedAt: finished ? at(finished) : null,
  noShow,
  waitSeconds: wait,
  serviceSeconds: service,
  staff,
  item: permit,
});

describe("queueTimesBy", () => {
  it("averages wait and service per staff member over the tickets finished in the period, most served first", () => {
    const tickets = [ticket("09:10", wang, 60, 300), ticket("09:30", wang, 120, 500), ticket("09:40", li, 30, 200), ticket("08:00", li, 999, 999), ticket(null, li, 10, null), ticket("09:50", li, null, null, true)];
    expect(queueTimesBy(tickets, "staff", at("09:00"), at("10:00"))).toEqual([
      { id: 1, name: "王芳", served: 2, avgWaitSeconds: 90, avgServiceSeconds: 400 },
      { id: 2, name: "李强", served: 1, avgWaitSeconds: 30, avgServiceSeconds: 200 },
    ]);
  });

  it("groups by item, with tickets the queue system reported without staff or item under null", () => {
    const tickets = [ticket("09:10", null, 60, null), { ...ticket("09:20", wang, 30, 100), item: null }];
    expect(queueTimesBy(tickets, "item", at("09:00"), at("10:00"))).toEqual([
      { id: 9, name: "营业执照", served: 1, avgWaitSeconds: 60, avgServiceSeconds: null },
      { id: null, name: null, served: 1, avgWaitSeconds: 30, avgServiceSeconds: 100 },
    ]);
    expect(queueTimesBy(tickets, "staff", at("09:00"), at("10:00")).map((r) => r.id)).toEqual([1, null]);
  });
});
