// The rating records in the field set of GB/T 39046 for upload to a provincial 好差评 platform, as a
// CSV file in UTF-8 with a byte-order mark (docs/ratings-export.md says why, and lists every column and
// code). The columns are the record fields DOMAIN.md names, in that order, plus hallwatch's 默认评价
// flag, so defaulted ratings are never mistaken for genuine ones. Satisfaction is written in the
// standard's own order (1 = 非常满意 … 5 = 非常不满意), the reverse of how hallwatch stores it.
import { INDICATORS } from "../../contracts/indicators.ts";
import type { RatingExportQuery } from "../../contracts/ratingReports.ts";
import { sqliteTime } from "../../db/database.ts";
import type { Services } from "../../services.ts";
import { rangeOf } from "./loadRatingReport.ts";

/** Rating channel codes, in the order DOMAIN.md lists the national channels; OTHER has no code and stays empty. */
export const CHANNEL_CODES: Record<string, string> = { PC: "1", MOBILE: "2", QR_CODE: "3", HALL_PAD: "4", HALL_TERMINAL: "5", PHONE: "6", SMS: "7", OTHER: "" };

/** GB/T 39046 appendix A.8: 1 = 非常满意 … 5 = 非常不满意; hallwatch stores 5 = 非常满意. */
export const satisfactionCode = (level: number): string => String(6 - level);

/** A rater's name leaves the hall as the surname and a mask: the platform matches ratings by case number. */
export const maskRater = (name: string | null): string => (name ? `${[...name][0]}${"*".repeat(Math.max(1, [...name].length - 1))}` : "");

export interface ExportRecord {
  caseNo: string | null;
  channel: string;
  citizenName: string | null;
  ratedAt: string;
  ratingSeq: number;
  level: number;
  reasons: string;
  comment: string | null;
  regionCode: string;
  itemCode: string | null;
  staffName: string | null;
  promisedLimitDays: number | null;
  defaulted: number;
}

const REASON_LABELS = new Map(INDICATORS.map((i) => [i.code, i.zh]));
const reasonText = (json: string): string => {
  const codes = JSON.parse(json) as unknown;
  return Array.isArray(codes) ? codes.map((c) => REASON_LABELS.get(String(c)) ?? String(c)).join("；") : "";
};
const beijing = (iso: string): string => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

export const GBT39046_COLUMNS: { header: string; value: (r: ExportRecord) => string }[] = [
  { header: "办件编号", value: (r) => r.caseNo ?? "" },
  { header: "评价渠道代码", value: (r) => CHANNEL_CODES[r.channel] ?? "" },
  { header: "评价人", value: (r) => maskRater(r.citizenName) },
  { header: "评价时间", value: (r) => beijing(r.ratedAt) },
  { header: "评价次数", value: (r) => String(r.ratingSeq) },
  { header: "满意度代码", value: (r) => satisfactionCode(r.level) },
  { header: "评价原因", value: (r) => reasonText(r.reasons) },
  { header: "评价内容", value: (r) => r.comment ?? "" },
  { header: "行政区划代码", value: (r) => r.regionCode },
  { header: "事项编码", value: (r) => r.itemCode ?? "" },
  { header: "办理人员", value: (r) => r.staffName ?? "" },
  { header: "承诺时限（工作日）", value: (r) => (r.promisedLimitDays === null ? "" : String(r.promisedLimitDays)) },
  { header: "默认评价", value: (r) => (r.defaulted ? "是" : "否") },
];

/**
 * RFC 4180 quoting; a citizen's text that starts like a formula (= + - @) gets a leading apostrophe, so a
 * spreadsheet opening the file shows it rather than evaluating it.
 */
export function csvField(value: string, freeText: boolean): string {
  const safe = freeText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const FREE_TEXT = new Set(["评价人", "评价原因", "评价内容", "办理人员"]);
export const UTF8_BOM = "\uFEFF";
/** The export's longest range, in days: a quarter */
export const EXPORT_MAX_DAYS = 92;

const csvLine = (r: ExportRecord): string => GBT39046_COLUMNS.map((c) => csvField(c.value(r), FREE_TEXT.has(c.header))).join(",");

const EXPORT_SQL = `SELECT c."caseNo", e."channel", c."citizenName", e."ratedAt", e."ratingSeq", e."level", e."reasons", e."comment",
        ce."regionCode", i."code" AS "itemCode", s."name" AS "staffName",
        coalesce(c."promisedLimitDays", i."promisedLimitDays") AS "promisedLimitDays", e."defaulted"
 FROM "Evaluation" e
 JOIN "Center" ce ON ce."id" = e."centerId"
 LEFT JOIN "Case" c ON c."id" = e."caseId"
 LEFT JOIN "ServiceItem" i ON i."id" = e."itemId"
 LEFT JOIN "Staff" s ON s."id" = e."staffId"
 WHERE e."centerId" = ? AND e."ratedAt" >= ? AND e."ratedAt" < ? AND (? IS NULL OR s."departmentId" = ?)
 ORDER BY e."ratedAt", e."id"`;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The file, oldest rating first, as text chunks: the BOM and the header, then one chunk per day of
 * records. The range is checked before the first chunk, so a refusal is still an error answer; a day
 * at a time (a busy hall's ≈ 5,500 ratings) keeps the event loop free for the pads between chunks.
 */
export function gbt39046Csv(services: Services, opts: { centerId: number; query: RatingExportQuery; departmentId: number | null }): AsyncGenerator<string> {
  const { start, end } = rangeOf(opts.query.from, opts.query.to, EXPORT_MAX_DAYS);
  const statement = services.db.raw.prepare(EXPORT_SQL);
  return (async function* () {
    yield `${UTF8_BOM}${GBT39046_COLUMNS.map((c) => c.header).join(",")}\r\n`;
    for (let day = start.getTime(); day < end.getTime(); day += DAY_MS) {
      const records = statement.all(opts.centerId, sqliteTime(new Date(day)), sqliteTime(new Date(day + DAY_MS)), opts.departmentId, opts.departmentId) as ExportRecord[];
      if (records.length > 0) yield `${records.map(csvLine).join("\r\n")}\r\n`;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
}
