// Spreadsheet import of master data (#3): which sheets exist, their zh-CN headers, and the limits.
// All-or-nothing: a file with any bad row writes nothing and answers IMPORT_REJECTED with one issue
// per bad cell (path "<row>.<header>", message in Chinese).
import { z } from "zod";

export const IMPORT_KINDS = ["departments", "items", "staff"] as const;
export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;
export const importKindParamSchema = z.strictObject({ kind: importKindSchema });

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Data rows per file; more is refused outright (split the file). */
export const IMPORT_MAX_ROWS = 5000;

/** The headers of each template, in order. Rows start on line 2. */
export const IMPORT_HEADERS: Record<ImportKind, readonly string[]> = {
  departments: ["部门编码", "部门名称", "简称", "联络员邮箱"],
  items: ["事项编码", "事项名称", "部门编码", "类别", "法定时限(工作日)", "承诺时限(工作日)", "收费", "设定依据", "办理流程", "申请材料", "是否公开"],
  staff: ["工号", "姓名", "部门编码", "性别", "职务", "党员", "入职日期"],
};

export const IMPORT_LABELS: Record<ImportKind, { zh: string; en: string }> = {
  departments: { zh: "进驻部门", en: "Departments" },
  items: { zh: "服务事项", en: "Service items" },
  staff: { zh: "工作人员", en: "Staff" },
};

export const importResultSchema = z.object({ kind: importKindSchema, created: z.number().int(), updated: z.number().int() });
export type ImportResult = z.infer<typeof importResultSchema>;

// The text form of an item's procedure and materials, shared by the spreadsheet columns and the
// admin form's text areas: one step / material per line.
const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");

/** 办理流程: one step per line, "步骤：说明". */
export const parseProcedure = (text: string): { title: string; detail: string }[] =>
  lines(text).map((line) => {
    const at = line.search(/[:：]/);
    return at < 0 ? { title: line, detail: "" } : { title: line.slice(0, at).trim(), detail: line.slice(at + 1).trim() };
  });

export const formatProcedure = (steps: readonly { title: string; detail: string }[]): string =>
  steps.map((s) => (s.detail ? `${s.title}：${s.detail}` : s.title)).join("\n");

/** 申请材料: one per line, "名称；份数；必需/可选；备注" (only the name is required). */
export const parseMaterials = (text: string): { name: string; copies: string; required: boolean; note?: string }[] =>
  lines(text).map((line) => {
    const [name = "", copies = "", need = "", note = ""] = line.split(/[;；]/).map((p) => p.trim());
    return { name, copies: copies || "原件1份", required: need !== "可选", ...(note ? { note } : {}) };
  });

export const formatMaterials = (materials: readonly { name: string; copies: string; required: boolean; note?: string }[]): string =>
  materials.map((m) => [m.name, m.copies, m.required ? "必需" : "可选", ...(m.note ? [m.note] : [])].join("；")).join("\n");
