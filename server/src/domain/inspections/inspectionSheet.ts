// The printable inspection sheet (督查记录表) of a day or a week: one A4 HTML page set the browser prints,
// one row per inspection with its failed items and deductions, a total and lines for signatures.
// Pure: DTOs in, HTML out; every value is escaped.
import type { InspectionDto } from "../../contracts/inspections.ts";

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const TEXT = {
  zh: { title: "督查记录表", period: "期间", no: "序号", time: "时间", window: "窗口", staff: "工作人员", items: "不合格项目", deduction: "扣分", inspector: "督查人", note: "备注", total: "合计", count: "督查次数", none: "本期间无督查记录", allPassed: "全部合格", sign: "审核人签字", date: "日期", print: "打印" },
  en: { title: "Inspection record sheet", period: "Period", no: "No.", time: "Time", window: "Window", staff: "Staff", items: "Failed items", deduction: "Deduction", inspector: "Inspector", note: "Note", total: "Total", count: "Inspections", none: "No inspections in this period", allPassed: "All passed", sign: "Reviewed by", date: "Date", print: "Print" },
};

const shanghaiTime = (iso: string): string => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(5, 10)} ${d.slice(11, 16)}`;
};

export function renderInspectionSheet(opts: { centerName: string; from: string; to: string; lang: "zh" | "en"; inspections: InspectionDto[] }): string {
  const t = TEXT[opts.lang];
  const total = Math.round(opts.inspections.reduce((s, i) => s + i.totalDeduction, 0) * 10) / 10;
  const rows = opts.inspections
    .map((i, n) => {
      const failed = i.findings.filter((f) => !f.passed);
      const items = failed.length
        ? failed.map((f) => `${escape(opts.lang === "zh" ? f.label : f.labelEn)} −${f.deduction}${f.note ? `（${escape(f.note)}）` : ""}`).join("<br>")
        : t.allPassed;
      return `<tr><td>${n + 1}</td><td>${shanghaiTime(i.at)}</td><td>${i.windowNumber} ${escape(i.windowName)}</td><td>${i.staffName ? `${escape(i.staffName)}<br><small>${escape(i.staffNo ?? "")}</small>` : "—"}</td><td>${items}</td><td class="num">${i.totalDeduction}</td><td>${escape(i.inspectorName)}</td><td>${escape(i.note ?? "")}</td></tr>`;
    })
    .join("\n");
  const period = opts.from === opts.to ? opts.from : `${opts.from} — ${opts.to}`;
  return `<!doctype html>
<html lang="${opts.lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${t.title} ${escape(period)}</title>
<style>
@page { size: A4 portrait; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 190mm; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 2mm; letter-spacing: 0.3em; }
.meta { display: flex; justify-content: space-between; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.num { text-align: right; }
.sign { margin-top: 10mm; display: flex; justify-content: space-between; }
@media screen { body { padding: 12mm; } .toolbar { text-align: right; margin-bottom: 4mm; } }
@media print { .toolbar { display: none; } }
</style></head>
<body>
<div class="toolbar"><button onclick="window.print()">${t.print}</button></div>
<h1>${t.title}</h1>
<div class="meta"><span>${escape(opts.centerName)}</span><span>${t.period}：${escape(period)}</span><span>${t.count}：${opts.inspections.length}</span></div>
<table>
<thead><tr><th>${t.no}</th><th>${t.time}</th><th>${t.window}</th><th>${t.staff}</th><th>${t.items}</th><th>${t.deduction}</th><th>${t.inspector}</th><th>${t.note}</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="8" style="text-align:center">${t.none}</td></tr>`}
</tbody>
<tfoot><tr><th colspan="5" style="text-align:right">${t.total}</th><th class="num">${total}</th><th colspan="2"></th></tr></tfoot>
</table>
<div class="sign"><span>${t.sign}：________________</span><span>${t.date}：________________</span></div>
</body></html>`;
}
