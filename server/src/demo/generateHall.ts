// Generates the master data of one demo hall — center, 33 departments, 194 items, 90 windows,
// ~180 staff and how they connect — as plain rows, without touching a database. Pure: the same
// seed, center index and `now` give deep-equal rows. Each part draws from its own random stream
// (fork), so changing how staff are drawn never reshuffles the items, and a history generator can
// be added beside this one (taking these rows) without changing a single row here.
import { DEFAULT_CENTER_SETTINGS } from "../contracts/settings.ts";
import { DEPARTMENTS, LIAISON_MAIL_DOMAIN, LIAISON_MAILBOXES, type DepartmentKind, type DistrictTemplate } from "./catalog.ts";
import { ITEM_CATALOG } from "./catalogItems.ts";
import { centerCode, centerName, districtFor, localDepartmentName, staffNoPrefix } from "./centerIdentity.ts";
import { creditCode, itemCode } from "./codes.ts";
import { buildMaterials, buildProcedure } from "./itemText.ts";
import { layoutWindows } from "./layoutWindows.ts";
import { NameRegister } from "./people.ts";
import { createRandom, deriveSeed, type Random } from "./random.ts";
import type { DepartmentRow, HallRows, ItemRow } from "./rows.ts";
import { staffWindows } from "./staffWindows.ts";

export interface GenerateHallOptions {
  seed: number;
  /** 0 for the first (or only) center; city mode numbers the others 1, 2, … */
  centerIndex: number;
  now: Date;
}

/** The random stream of one hall; other generators of the same hall fork their own from it. */
export const hallRandom = (seed: number, centerIndex: number): Random => createRandom(deriveSeed(seed, `hall:${centerIndex}`));

function liaisonEmails(code: string, count: number, centerIndex: number): string[] {
  const suffix = centerIndex === 0 ? "" : `.${centerCode(centerIndex).toLowerCase()}`;
  return LIAISON_MAILBOXES.slice(0, count).map((box) => `${box}.${code}${suffix}@${LIAISON_MAIL_DOMAIN}`);
}

function generateDepartments(district: DistrictTemplate, centerIndex: number): DepartmentRow[] {
  return DEPARTMENTS.map((d, i) => ({
    key: i + 1,
    code: d.code,
    name: localDepartmentName(d.name, district),
    shortName: d.shortName,
    liaisonEmails: liaisonEmails(d.code, d.liaisons, centerIndex),
  }));
}

function generateItems(departments: readonly DepartmentRow[], district: DistrictTemplate, random: Random): ItemRow[] {
  const items: ItemRow[] = [];
  departments.forEach((department, departmentIndex) => {
    const template = DEPARTMENTS[departmentIndex];
    const catalog = ITEM_CATALOG.find((c) => c.department === department.code);
    if (!template || !catalog) throw new Error(`No service items in the catalog for department "${department.code}"`);
    const departmentCreditCode = creditCode(random, district.regionCode, template.kind);
    catalog.items.forEach((t, itemIndex) => {
      items.push({
        key: items.length + 1,
        departmentKey: department.key,
        code: itemCode(departmentCreditCode, t.category, departmentIndex + 1, itemIndex + 1),
        name: t.name,
        category: t.category,
        procedure: buildProcedure(t, department.name),
        materials: buildMaterials(t),
        statutoryLimitDays: t.statutoryDays,
        promisedLimitDays: t.promisedDays,
        fee: t.fee ?? "不收费",
        legalBasis: t.basis ?? catalog.basis,
      });
    });
  });
  return items;
}

export function generateHall({ seed, centerIndex, now }: GenerateHallOptions): HallRows {
  const random = hallRandom(seed, centerIndex);
  const district = districtFor(centerIndex);
  const departments = generateDepartments(district, centerIndex);
  const items = generateItems(departments, district, random.fork("items"));
  const layout = layoutWindows(departments, items, random.fork("windows"));
  const departmentKinds = new Map<number, DepartmentKind>(
    departments.map((d, i) => [d.key, DEPARTMENTS[i]?.kind ?? "government"]),
  );
  const staffRandom = random.fork("staff");
  const staffing = staffWindows({
    windows: layout.windows,
    windowDepartments: layout.windowDepartments,
    departmentKinds,
    staffNoPrefix: staffNoPrefix(centerIndex),
    now,
    names: new NameRegister(staffRandom.fork("names")),
    random: staffRandom,
  });

  return {
    centerIndex,
    createdAt: new Date(now.getTime()),
    center: {
      code: centerCode(centerIndex),
      name: centerName(district),
      regionCode: district.regionCode,
      settings: { ...DEFAULT_CENTER_SETTINGS },
    },
    departments,
    items,
    ...layout,
    ...staffing,
  };
}
