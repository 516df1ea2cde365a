// The alert feed's pure rules: grace periods, pads judged only while their window should serve,
// reconciliation raising the missing and resolving the cleared, and offline tracking.
import { describe, expect, it } from "vitest";
import { conditionAlertsFor, isInFeed, KIOSK_OFFLINE_GRACE_MS, reconcileConditionAlerts, trackOffline, UNATTENDED_GRACE_MS, type WindowFacts } from "./alertRules.ts";

const now = new Date("2026-11-23T02:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const window = (over: Partial<WindowFacts> = {}): WindowFacts => ({ windowId: 7, windowNumber: 12, state: { kind: "IDLE", since: ago(60_000).toISOString() }, pads: [], ...over });

describe("condition alerts", () => {
  it("alerts an unattended window only after the grace period", () => {
    const justEmpty = window({ state: { kind: "UNATTENDED", since: ago(UNATTENDED_GRACE_MS - 1).toISOString() } });
    const longEmpty = window({ state: { kind: "UNATTENDED", since: ago(UNATTENDED_GRACE_MS).toISOString() } });
    expect(conditionAlertsFor([justEmpty], now)).toEqual([]);
    expect(conditionAlertsFor([longEmpty], now)).toEqual([{ kind: "WINDOW_UNATTENDED", windowId: 7, subjectId: "7", message: "12 号窗口办公时间无人值守" }]);
  });

  it("alerts an offline pad after its grace, but not while its window is closed", () => {
    const pads = [
      { deviceId: 3, name: "评价器 A", offlineSince: ago(KIOSK_OFFLINE_GRACE_MS) },
      { deviceId: 4, name: "评价器 B", offlineSince: ago(KIOSK_OFFLINE_GRACE_MS - 1) },
      { deviceId: 5, name: "评价器 C", offlineSince: null },
    ];
    expect(conditionAlertsFor([window({ pads })], now).map((a) => [a.kind, a.subjectId])).toEqual([["KIOSK_OFFLINE", "3"]]);
    expect(conditionAlertsFor([window({ pads, state: { kind: "CLOSED", reason: "LUNCH" } })], now)).toEqual([]);
  });

  it("never alerts a serving, idle or paused window", () => {
    for (const state of [{ kind: "SERVING", since: ago(1e7).toISOString() }, { kind: "PAUSED", reason: "BREAK", note: null, since: ago(1e7).toISOString() }] as const) {
      expect(conditionAlertsFor([window({ state })], now)).toEqual([]);
    }
  });
});

describe("reconciliation", () => {
  const needed = [{ kind: "WINDOW_UNATTENDED" as const, windowId: 7, subjectId: "7", message: "m" }];
  it("raises what is needed and not unresolved, and nothing twice", () => {
    expect(reconcileConditionAlerts(needed, [])).toEqual({ raise: needed, resolve: [] });
    expect(reconcileConditionAlerts(needed, [{ id: 1, kind: "WINDOW_UNATTENDED", subjectId: "7" }])).toEqual({ raise: [], resolve: [] });
  });
  it("resolves condition alerts whose condition cleared, and leaves event alerts alone", () => {
    const unresolved = [
      { id: 1, kind: "WINDOW_UNATTENDED" as const, subjectId: "8" },
      { id: 2, kind: "CASE_OVERDUE" as const, subjectId: "8" },
      { id: 3, kind: "KIOSK_OFFLINE" as const, subjectId: "7" },
    ];
    expect(reconcileConditionAlerts(needed, unresolved)).toEqual({ raise: needed, resolve: [1, 3] });
  });
});

describe("offline tracking", () => {
  it("keeps the first time a pad was missed, forgets pads back online or unpaired", () => {
    const first = trackOffline(new Map(), [1, 2], new Set([2]), ago(60_000));
    expect([...first]).toEqual([[1, ago(60_000)]]);
    const second = trackOffline(first, [1, 2, 3], new Set([]), now);
    expect([...second]).toEqual([[1, ago(60_000)], [2, now], [3, now]]);
    expect([...trackOffline(second, [2], new Set([2]), now)]).toEqual([]);
  });
});

describe("the feed", () => {
  it("holds alerts neither acknowledged nor resolved", () => {
    expect(isInFeed({ acknowledgedAt: null, resolvedAt: null })).toBe(true);
    expect(isInFeed({ acknowledgedAt: now, resolvedAt: null })).toBe(false);
    expect(isInFeed({ acknowledgedAt: null, resolvedAt: now })).toBe(false);
  });
});
