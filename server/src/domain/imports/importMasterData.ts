// Imports departments, items or staff from a spreadsheet, all or nothing: every row is checked
// (cells, duplicates inside the file, department codes) before anything is written; one bad row
// and the answer is IMPORT_REJECTED with every problem listed, and the database is untouched.
// Rows are matched by code / staff number: existing rows are updated, new ones created. One audit
// entry per import lists what was created and updated, in the same transaction as the writes.
import type { ErrorIssue } from "../../contracts/errors.ts";
import { IMPORT_HEADERS, type ImportKind, type ImportResult } from "../../contracts/imports.ts";
import { AppError } from "../../errors.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";
import { shanghaiMidnight } from "../masterData/manageStaff.ts";
import { cellIssue, readSheet } from "./readSheet.ts";
import { departmentRow, itemRow, staffRow, type ParsedRow } from "./rowBodies.ts";

function collect<T>(results: ({ ok: true; value: ParsedRow<T> } | { ok: false; issues: ErrorIssue[] })[], keyHeader: string): { rows: ParsedRow<T>[]; issues: ErrorIssue[] } {
  const rows: ParsedRow<T>[] = [];
  const issues: ErrorIssue[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of results) {
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    const seen = firstRowOf.get(r.value.key);
    if (seen !== undefined) issues.push(cellIssue(r.value.row, keyHeader, `「${r.value.key}」与第 ${seen} 行重复`, `duplicates row ${seen}`));
    else firstRowOf.set(r.value.key, r.value.row);
    rows.push(r.value);
  }
  return { rows, issues };
}

function reject(issues: ErrorIssue[]): never {
  throw new AppError("IMPORT_REJECTED", { issues: issues.sort((a, b) => Number.parseInt(a.path, 10) - Number.parseInt(b.path, 10)).slice(0, 500) });
}

export async function importMasterData(services: Services, opts: { auditActor: AuditActor; centerId: number; kind: ImportKind; file: Buffer }): Promise<ImportResult> {
  const { prisma, clock } = services;
  const { centerId, kind } = opts;
  const headers = IMPORT_HEADERS[kind];
  const sheetRows = await readSheet(opts.file, headers);
  if (sheetRows.length === 0) throw new AppError("IMPORT_REJECTED", { message: "表格中没有数据行，未导入任何数据", messageEn: "The spreadsheet has no data rows" });
  const now = clock.now();
  const departments = await prisma.department.findMany({ where: { centerId } });
  const deptByCode = new Map(departments.map((d) => [d.code, d]));

  /** Resolves a row's department code, or records the problem against the 部门编码 column. */
  const resolveDept = (row: ParsedRow<unknown>, issues: ErrorIssue[]): number => {
    const dept = row.departmentCode ? deptByCode.get(row.departmentCode) : undefined;
    if (!dept) issues.push(cellIssue(row.row, "部门编码", `部门「${row.departmentCode}」不存在，请先导入或新建该部门`, "no such department"));
    else if (!dept.active) issues.push(cellIssue(row.row, "部门编码", `部门「${row.departmentCode}」已停用`, "the department is inactive"));
    return dept?.id ?? 0;
  };

  if (kind === "departments") {
    const { rows, issues } = collect(sheetRows.map(departmentRow), headers[0]!);
    if (issues.length) reject(issues);
    return prisma.$transaction(async (tx) => {
      const created: string[] = [];
      const updated: string[] = [];
      for (const r of rows) {
        const existing = deptByCode.get(r.key);
        if (existing) {
          await tx.department.update({ where: { id: existing.id }, data: r.body });
          updated.push(r.key);
        } else {
          await tx.department.create({ data: { ...r.body, centerId } });
          created.push(r.key);
        }
      }
      await recordAudit(tx, opts.auditActor, { action: "import.departments", entity: "Department", centerId, after: { created, updated } }, now);
      return { kind, created: created.length, updated: updated.length };
    });
  }

  if (kind === "items") {
    const { rows, issues } = collect(sheetRows.map(itemRow), headers[0]!);
    for (const r of rows) r.body.departmentId = resolveDept(r, issues);
    const existing = new Map((await prisma.serviceItem.findMany({ where: { centerId, code: { in: rows.map((r) => r.key) } }, include: { _count: { select: { windows: true } } } })).map((i) => [i.code, i]));
    for (const r of rows) {
      const old = existing.get(r.key);
      if (old && old.departmentId !== r.body.departmentId && old._count.windows > 0) {
        issues.push(cellIssue(r.row, "部门编码", "该事项已分配到窗口，不能通过导入更换部门", "assigned to windows; cannot change department by import"));
      }
    }
    if (issues.length) reject(issues);
    return prisma.$transaction(async (tx) => {
      const created: string[] = [];
      const updated: string[] = [];
      for (const r of rows) {
        const old = existing.get(r.key);
        if (old) {
          await tx.serviceItem.update({ where: { id: old.id }, data: r.body });
          updated.push(r.key);
        } else {
          await tx.serviceItem.create({ data: { ...r.body, centerId } });
          created.push(r.key);
        }
      }
      await recordAudit(tx, opts.auditActor, { action: "import.items", entity: "ServiceItem", centerId, after: { created, updated } }, now);
      return { kind, created: created.length, updated: updated.length };
    });
  }

  const { rows, issues } = collect(sheetRows.map(staffRow), headers[0]!);
  for (const r of rows) r.body.departmentId = resolveDept(r, issues);
  if (issues.length) reject(issues);
  const existing = new Map((await prisma.staff.findMany({ where: { centerId, staffNo: { in: rows.map((r) => r.key) } } })).map((s) => [s.staffNo, s]));
  return prisma.$transaction(async (tx) => {
    const created: string[] = [];
    const updated: string[] = [];
    for (const r of rows) {
      const data = { ...r.body, joinedAt: shanghaiMidnight(r.body.joinedAt) };
      const old = existing.get(r.key);
      if (old) {
        await tx.staff.update({ where: { id: old.id }, data });
        updated.push(r.key);
      } else {
        await tx.staff.create({ data: { ...data, centerId } });
        created.push(r.key);
      }
    }
    await recordAudit(tx, opts.auditActor, { action: "import.staff", entity: "Staff", centerId, after: { created, updated } }, now);
    return { kind, created: created.length, updated: updated.length };
  });
}
