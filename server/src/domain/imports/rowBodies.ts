// Turns one spreadsheet row (text cells in template order) into the same body the API's create
// schemas accept, so an imported row obeys exactly the rules of the admin form. Pure: department
// codes stay codes here; importMasterData resolves them.
import type { z } from "zod";
import type { ErrorIssue } from "../../contracts/errors.ts";
import { IMPORT_HEADERS, parseMaterials, parseProcedure, type ImportKind } from "../../contracts/imports.ts";
import { createDepartmentBodySchema, createItemBodySchema, createStaffBodySchema } from "../../contracts/masterData.ts";
import { issuesFromZod } from "../../errors.ts";
import { cellIssue, type SheetRow } from "./readSheet.ts";

export interface ParsedRow<T> {
  row: number;
  key: string; // the code / staff number the row is matched by
  departmentCode?: string;
  body: T;
}

type RowResult<T> = { ok: true; value: ParsedRow<T> } | { ok: false; issues: ErrorIssue[] };

const YES = ["是", "Y", "y", "yes", "true", "1"];
const NO = ["否", "N", "n", "no", "false", "0", ""];

function yesNo(text: string): boolean | undefined {
  if (YES.includes(text)) return true;
  if (NO.includes(text)) return false;
  return undefined;
}

function validate<S extends z.ZodType>(schema: S, value: unknown, row: number, headerOf: Record<string, string>): { ok: true; body: z.infer<S> } | { ok: false; issues: ErrorIssue[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    issues: issuesFromZod(parsed.error).map((i) => {
      const header = headerOf[i.path.split(".")[0] ?? ""] ?? i.path;
      return cellIssue(row, header, i.message, i.messageEn);
    }),
  };
}

/** A whole number of working days; a bad cell is reported and `neutral` stands in, so it causes no second error. */
function integer(text: string, row: number, header: string, issues: ErrorIssue[], neutral: number): number {
  if (!/^\d{1,4}$/.test(text)) {
    issues.push(cellIssue(row, header, `应为 0 或正整数（工作日），实际为「${text || "空"}」`, "must be a whole number of working days"));
    return neutral;
  }
  return Number(text);
}

export function departmentRow({ row, cells }: SheetRow): RowResult<z.infer<typeof createDepartmentBodySchema>> {
  const [code = "", name = "", shortName = "", emails = ""] = cells;
  const h = IMPORT_HEADERS.departments;
  const headerOf = { code: h[0]!, name: h[1]!, shortName: h[2]!, liaisonEmails: h[3]! };
  const v = validate(createDepartmentBodySchema, { code, name, shortName, liaisonEmails: emails.split(/[;；,，\s]+/).filter(Boolean) }, row, headerOf);
  return v.ok ? { ok: true, value: { row, key: v.body.code, body: v.body } } : v;
}

export function itemRow({ row, cells }: SheetRow): RowResult<z.infer<typeof createItemBodySchema>> {
  const [code = "", name = "", deptCode = "", category = "", statutory = "", promised = "", fee = "", legalBasis = "", procedure = "", materials = "", isPublic = ""] = cells;
  const h = IMPORT_HEADERS.items;
  const issues: ErrorIssue[] = [];
  if (!deptCode) issues.push(cellIssue(row, h[2]!, "不能为空", "required"));
  const statutoryLimitDays = integer(statutory, row, h[4]!, issues, 365);
  const promisedLimitDays = integer(promised, row, h[5]!, issues, 0);
  const pub = yesNo(isPublic);
  if (pub === undefined) issues.push(cellIssue(row, h[10]!, `应填「是」或「否」，实际为「${isPublic}」`, "must be 是 or 否"));
  const headerOf = { code: h[0]!, name: h[1]!, departmentId: h[2]!, category: h[3]!, statutoryLimitDays: h[4]!, promisedLimitDays: h[5]!, fee: h[6]!, legalBasis: h[7]!, procedure: h[8]!, materials: h[9]!, public: h[10]! };
  const v = validate(
    createItemBodySchema,
    { code, name, departmentId: 1, category, statutoryLimitDays, promisedLimitDays, fee: fee || "不收费", legalBasis, procedure: parseProcedure(procedure), materials: parseMaterials(materials), public: pub ?? true },
    row,
    headerOf,
  );
  if (!v.ok) issues.push(...v.issues.map((i) => (i.path.endsWith(h[5]!) && i.code === "import_cell" && promisedLimitDays > statutoryLimitDays ? { ...i, message: `第 ${row} 行「${h[5]}」：承诺时限不能长于法定时限` } : i)));
  if (issues.length > 0 || !v.ok) return { ok: false, issues };
  return { ok: true, value: { row, key: v.body.code, departmentCode: deptCode, body: v.body } };
}

export function staffRow({ row, cells }: SheetRow): RowResult<z.infer<typeof createStaffBodySchema>> {
  const [staffNo = "", name = "", deptCode = "", gender = "", title = "", party = "", joined = ""] = cells;
  const h = IMPORT_HEADERS.staff;
  const issues: ErrorIssue[] = [];
  if (!deptCode) issues.push(cellIssue(row, h[2]!, "不能为空", "required"));
  const genderCode = gender === "男" ? "M" : gender === "女" ? "F" : gender === "" ? null : undefined;
  if (genderCode === undefined) issues.push(cellIssue(row, h[3]!, `应填「男」「女」或留空，实际为「${gender}」`, "must be 男, 女 or empty"));
  const partyMember = yesNo(party);
  if (partyMember === undefined) issues.push(cellIssue(row, h[5]!, `应填「是」或「否」，实际为「${party}」`, "must be 是 or 否"));
  const joinedAt = joined.replace(/[/.年月]/g, "-").replace(/日$/, "").replace(/-(\d)(?=-|$)/g, "-0$1");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(joinedAt) || Number.isNaN(Date.parse(joinedAt))) issues.push(cellIssue(row, h[6]!, `应为日期，如 2024-03-01，实际为「${joined || "空"}」`, "must be a date like 2024-03-01"));
  const headerOf = { staffNo: h[0]!, name: h[1]!, departmentId: h[2]!, gender: h[3]!, title: h[4]!, partyMember: h[5]!, joinedAt: h[6]! };
  const v = validate(createStaffBodySchema, { staffNo, name, departmentId: 1, gender: genderCode ?? null, title: title || null, partyMember: partyMember ?? false, joinedAt }, row, headerOf);
  if (!v.ok) issues.push(...v.issues.filter((i) => !i.path.endsWith(h[6]!) || issues.every((x) => x.path !== i.path)));
  if (issues.length > 0 || !v.ok) return { ok: false, issues };
  return { ok: true, value: { row, key: v.body.staffNo, departmentCode: deptCode, body: v.body } };
}

export const ROW_PARSERS = { departments: departmentRow, items: itemRow, staff: staffRow } satisfies Record<ImportKind, (r: SheetRow) => unknown>;
