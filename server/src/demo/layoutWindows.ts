// Lays out the hall's windows from the floor plan in catalog.ts: numbers 1–90 zone by zone, the
// departments each window belongs to, the party-member posts, and which items each window serves.
// The invariants the rest of hallwatch relies on are enforced here and fail loudly if the catalog
// breaks them: a window serves only items of its own departments, and every item has a window.
import { PARTY_POST_SHARE, ZONES } from "./catalog.ts";
import type { DepartmentRow, ItemRow, WindowDepartmentRow, WindowItemRow, WindowRow } from "./rows.ts";
import type { Random } from "./random.ts";

/** Share of a department's items a general counter serves beyond those assigned to it. */
const GENERAL_COUNTER_ITEM_SHARE = 0.5;

export interface WindowLayout {
  windows: WindowRow[];
  windowDepartments: WindowDepartmentRow[];
  windowItems: WindowItemRow[];
}

interface PlannedWindow {
  key: number;
  departmentKeys: number[];
  itemKeywords: readonly string[] | null;
}

function planWindows(departmentKeyByCode: ReadonlyMap<string, number>): { rows: WindowRow[]; plans: PlannedWindow[] } {
  const rows: WindowRow[] = [];
  const plans: PlannedWindow[] = [];
  for (const { zone, groups } of ZONES) {
    for (const group of groups) {
      const departmentKeys = group.departments.map((code) => {
        const key = departmentKeyByCode.get(code);
        if (key === undefined) throw new Error(`Window plan names unknown department "${code}"`);
        return key;
      });
      for (let i = 0; i < group.count; i++) {
        const key = rows.length + 1;
        rows.push({ key, number: key, zone, name: group.sign, partyPost: false });
        plans.push({ key, departmentKeys, itemKeywords: group.itemKeywords ?? null });
      }
    }
  }
  return { rows, plans };
}

function markPartyPosts(windows: WindowRow[], random: Random): void {
  const count = Math.round(windows.length * PARTY_POST_SHARE);
  for (const window of random.shuffle(windows).slice(0, count)) window.partyPost = true;
}

function assignItems(plans: readonly PlannedWindow[], items: readonly ItemRow[], random: Random): WindowItemRow[] {
  const served = new Map<number, Set<number>>(plans.map((p) => [p.key, new Set<number>()]));
  const covered = new Set<number>();
  const serve = (windowKey: number, itemKey: number) => {
    served.get(windowKey)?.add(itemKey);
    covered.add(itemKey);
  };
  const itemsOf = (departmentKey: number) => items.filter((i) => i.departmentKey === departmentKey);

  // Specialised counters first: exactly the items their keywords name.
  for (const plan of plans) {
    if (!plan.itemKeywords) continue;
    const keywords = plan.itemKeywords;
    const matching = plan.departmentKeys.flatMap(itemsOf).filter((i) => keywords.some((k) => i.name.includes(k)));
    if (matching.length === 0) throw new Error(`Window ${plan.key}: no item matches ${keywords.join("/")}`);
    for (const item of matching) serve(plan.key, item.key);
  }

  // General counters share out what is left, then overlap so a citizen is not tied to one counter.
  const departmentKeys = [...new Set(items.map((i) => i.departmentKey))];
  for (const departmentKey of departmentKeys) {
    const departmentItems = itemsOf(departmentKey);
    const general = random.shuffle(plans.filter((p) => !p.itemKeywords && p.departmentKeys.includes(departmentKey)));
    const uncovered = departmentItems.filter((i) => !covered.has(i.key));
    if (general.length === 0) {
      if (uncovered.length > 0) throw new Error(`Department ${departmentKey}: items without a window: ${uncovered.map((i) => i.name).join("、")}`);
      continue;
    }
    uncovered.forEach((item, i) => serve((general[i % general.length] as PlannedWindow).key, item.key));
    for (const plan of general) {
      for (const item of departmentItems) if (random.chance(GENERAL_COUNTER_ITEM_SHARE)) serve(plan.key, item.key);
      const mine = served.get(plan.key) as Set<number>;
      if (!departmentItems.some((i) => mine.has(i.key))) serve(plan.key, random.pick(departmentItems).key);
    }
  }

  return plans.flatMap((plan) =>
    [...(served.get(plan.key) as Set<number>)].sort((a, b) => a - b).map((itemKey) => ({ windowKey: plan.key, itemKey })),
  );
}

export function layoutWindows(departments: readonly DepartmentRow[], items: readonly ItemRow[], random: Random): WindowLayout {
  const departmentKeyByCode = new Map(departments.map((d) => [d.code, d.key]));
  const { rows, plans } = planWindows(departmentKeyByCode);
  markPartyPosts(rows, random.fork("party-posts"));
  const windowDepartments = plans.flatMap((p) => p.departmentKeys.map((departmentKey) => ({ windowKey: p.key, departmentKey })));
  const windowItems = assignItems(plans, items, random.fork("window-items"));
  return { windows: rows, windowDepartments, windowItems };
}
