import { describe, expect, it } from "vitest";
import { z } from "zod";
import { materialSchema, procedureStepSchema } from "../contracts/masterData.ts";
import { centerSettingsSchema } from "../contracts/settings.ts";
import { creditCodeCheck, orgCodeCheck } from "./codes.ts";
import { generateCenterAccounts, generateCityAccounts } from "./generateAccounts.ts";
import { generateHall } from "./generateHall.ts";
import type { HallRows } from "./rows.ts";

const now = new Date("2026-11-28T02:00:00.000Z");
const hall = generateHall({ seed: 20261128, centerIndex: 0, now });

const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

function departmentsOfWindows(h: HallRows): Map<number, Set<number>> {
  const map = new Map<number, Set<number>>();
  for (const wd of h.windowDepartments) map.set(wd.windowKey, (map.get(wd.windowKey) ?? new Set()).add(wd.departmentKey));
  return map;
}

describe("generateHall", () => {
  it("is deterministic: the same seed gives deep-equal rows, another seed different ones", () => {
    const again = generateHall({ seed: 20261128, centerIndex: 0, now });
    expect(again).toEqual(hall);
    expect(JSON.stringify(again)).toBe(JSON.stringify(hall));
    const other = generateHall({ seed: 7, centerIndex: 0, now });
    expect(other.staff.map((s) => s.name)).not.toEqual(hall.staff.map((s) => s.name));
    expect(other).not.toEqual(hall);
  });

  it("has the hall's size: 33 departments, 194 items, 90 windows and about 180 staff", () => {
    expect(hall.departments).toHaveLength(33);
    expect(hall.items).toHaveLength(194);
    expect(hall.windows).toHaveLength(90);
    expect(hall.staff.length).toBeGreaterThanOrEqual(165);
    expect(hall.staff.length).toBeLessThanOrEqual(195);
  });

  it("numbers windows 1–90 and keeps staff numbers, item codes and department codes unique", () => {
    expect(hall.windows.map((w) => w.number)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(unique(hall.staff.map((s) => s.staffNo))).toBe(true);
    expect(unique(hall.items.map((i) => i.code))).toBe(true);
    expect(unique(hall.departments.map((d) => d.code))).toBe(true);
    expect(unique(hall.staff.map((s) => s.name))).toBe(true);
  });

  it("gives every department items and at least one window", () => {
    const withItems = new Set(hall.items.map((i) => i.departmentKey));
    const withWindows = new Set(hall.windowDepartments.map((wd) => wd.departmentKey));
    for (const d of hall.departments) {
      expect(withItems.has(d.key), d.name).toBe(true);
      expect(withWindows.has(d.key), d.name).toBe(true);
    }
  });

  it("maps each window to one or two departments and lets it serve only their items", () => {
    const departments = departmentsOfWindows(hall);
    const itemDepartment = new Map(hall.items.map((i) => [i.key, i.departmentKey]));
    for (const w of hall.windows) {
      const size = departments.get(w.key)?.size ?? 0;
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(2);
    }
    for (const wi of hall.windowItems) {
      expect(departments.get(wi.windowKey)?.has(itemDepartment.get(wi.itemKey) ?? -1)).toBe(true);
    }
  });

  it("has a window for every item and an item for every window", () => {
    const servedItems = new Set(hall.windowItems.map((wi) => wi.itemKey));
    const servingWindows = new Set(hall.windowItems.map((wi) => wi.windowKey));
    expect(hall.items.filter((i) => !servedItems.has(i.key)).map((i) => i.name)).toEqual([]);
    expect(hall.windows.filter((w) => !servingWindows.has(w.key)).map((w) => w.number)).toEqual([]);
    expect(unique(hall.windowItems.map((wi) => `${wi.windowKey}:${wi.itemKey}`))).toBe(true);
  });

  it("staffs every window with a primary and a backup (AB岗) from the window's departments", () => {
    const departments = departmentsOfWindows(hall);
    const staffDepartment = new Map(hall.staff.map((s) => [s.key, s.departmentKey]));
    for (const w of hall.windows) {
      const rows = hall.windowStaff.filter((ws) => ws.windowKey === w.key);
      expect(rows.filter((r) => !r.backup).length, `window ${w.number}`).toBeGreaterThanOrEqual(1);
      expect(rows.filter((r) => r.backup).length, `window ${w.number}`).toBe(1);
      for (const r of rows) expect(departments.get(w.key)?.has(staffDepartment.get(r.staffKey) ?? -1)).toBe(true);
    }
    const staffed = new Set(hall.windowStaff.map((ws) => ws.staffKey));
    expect(hall.staff.every((s) => staffed.has(s.key))).toBe(true);
    expect(unique(hall.windowStaff.map((ws) => `${ws.windowKey}:${ws.staffKey}`))).toBe(true);
  });

  it("marks about 15% of windows as party-member posts, each held by a party member", () => {
    const posts = hall.windows.filter((w) => w.partyPost);
    expect(posts.length).toBeGreaterThanOrEqual(11);
    expect(posts.length).toBeLessThanOrEqual(16);
    const partyMember = new Map(hall.staff.map((s) => [s.key, s.partyMember]));
    for (const w of posts) {
      const primaries = hall.windowStaff.filter((ws) => ws.windowKey === w.key && !ws.backup);
      expect(primaries.some((p) => partyMember.get(p.staffKey))).toBe(true);
    }
    const share = hall.staff.filter((s) => s.partyMember).length / hall.staff.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.42);
  });

  it("publishes items in the contract's shapes with sensible limits", () => {
    const steps = z.array(procedureStepSchema).min(3);
    const materials = z.array(materialSchema).min(1);
    for (const i of hall.items) {
      steps.parse(i.procedure);
      materials.parse(i.materials);
      expect(i.promisedLimitDays, i.name).toBeLessThanOrEqual(i.statutoryLimitDays);
      expect(i.promisedLimitDays).toBeGreaterThanOrEqual(0);
      expect(i.legalBasis).toMatch(/^《.+》/);
      expect(["行政许可", "行政确认", "公共服务", "行政给付", "其他行政权力"]).toContain(i.category);
    }
    expect(hall.items.some((i) => i.promisedLimitDays === 0)).toBe(true);
    expect(hall.items.filter((i) => i.fee === "不收费").length / hall.items.length).toBeGreaterThan(0.8);
    centerSettingsSchema.parse(hall.center.settings);
  });

  it("codes items in the national style on a valid unified social credit code", () => {
    for (const i of hall.items) {
      expect(i.code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}\d{11}$/);
      const credit = i.code.slice(0, 18);
      expect(credit.slice(2, 8)).toBe(hall.center.regionCode);
      expect(orgCodeCheck(credit.slice(8, 16))).toBe(credit[16]);
      expect(creditCodeCheck(credit.slice(0, 17))).toBe(credit[17]);
    }
    // Published codes, to pin the check-character arithmetic
    for (const known of ["91350100M000100Y43", "9144030071526726XG", "91440300708461136T"]) {
      expect(creditCodeCheck(known.slice(0, 17))).toBe(known[17]);
    }
  });

  it("sets joinedAt in the past and liaison addresses per department", () => {
    for (const s of hall.staff) expect(s.joinedAt.getTime()).toBeLessThan(now.getTime());
    for (const d of hall.departments) {
      expect(d.liaisonEmails.length).toBeGreaterThanOrEqual(1);
      expect(d.liaisonEmails.length).toBeLessThanOrEqual(3);
      expect(d.liaisonEmails[0]).toBe(`liaison.${d.code}@example.gov.cn`);
    }
  });

  it("varies names and prefixes numbers for further centers of a city", () => {
    const second = generateHall({ seed: 20261128, centerIndex: 1, now });
    expect(hall.center.code).toBe("C01");
    expect(second.center.code).toBe("C02");
    expect(second.center.name).not.toBe(hall.center.name);
    expect(second.center.name).toMatch(/政务服务中心$/);
    expect(second.staff.every((s) => s.staffNo.startsWith("C02-S"))).toBe(true);
    expect(second.items.map((i) => i.code).filter((c) => hall.items.some((i) => i.code === c))).toEqual([]);
    const county = generateHall({ seed: 20261128, centerIndex: 4, now });
    expect(county.departments[0]?.name).toBe("县市场监督管理局");
    expect(county.departments.find((d) => d.code === "gaj")?.name).toBe("县公安局");
  });
});

describe("generateCenterAccounts", () => {
  it("creates the office roles, one liaison per department and one login per staff member", () => {
    const accounts = generateCenterAccounts(hall, 20261128);
    const byRole = (role: string) => accounts.filter((a) => a.role === role);
    expect(["ADMIN", "SECURITY_ADMIN", "LEADER", "SUPERVISOR", "AUDITOR"].map((r) => byRole(r).length)).toEqual([1, 1, 1, 1, 1]);
    expect(accounts.find((a) => a.username === "admin")?.password).toBe("admin");
    expect(accounts.filter((a) => a.password === "admin")).toHaveLength(1);
    expect(byRole("LIAISON").map((a) => a.username)).toContain("liaison-scjg");
    expect(byRole("LIAISON")).toHaveLength(33);
    expect(byRole("STAFF")).toHaveLength(hall.staff.length);
    expect(accounts.find((a) => a.username === "s0001")?.staffKey).toBe(1);
    expect(unique(accounts.map((a) => a.username))).toBe(true);
    for (const a of accounts) expect(a.username).toMatch(/^[a-z0-9._-]{3,32}$/);
  });

  it("prefixes usernames of further centers", () => {
    const accounts = generateCenterAccounts(generateHall({ seed: 1, centerIndex: 1, now }), 1);
    expect(accounts.every((a) => a.username.startsWith("c02-"))).toBe(true);
    expect(accounts.map((a) => a.username)).toContain("c02-leader");
    expect(accounts.map((a) => a.username)).toContain("c02-s0001");
  });

  it("creates the city-level leader and auditor without a center", () => {
    const city = generateCityAccounts(1);
    expect(city.map((a) => [a.username, a.role, a.centerIndex])).toEqual([
      ["cityleader", "CITY_LEADER", null],
      ["cityauditor", "CITY_AUDITOR", null],
    ]);
  });
});
