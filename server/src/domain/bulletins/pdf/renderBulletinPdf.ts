// The bulletin as an A4 PDF, made in-process: pdfkit lays out the text and tables, the two charts are
// ECharts' server-side SVG (the same options the HTML view shows) drawn into the page by svg-to-pdfkit.
// No browser, no system font: the Chinese font comes from an npm package (cjkFont.ts).
import type { EChartsCoreOption } from "echarts";
import { ACCOUNTABILITY_KIND_LABELS, CONSEQUENCE_LABELS } from "../../../contracts/accountability.ts";
import { bulletinRatingsChartOption, bulletinTrendChartOption } from "../../../contracts/bulletinCharts.ts";
import type { BulletinContent } from "../../../contracts/bulletins.ts";
import { LEVEL_LABELS, type Level } from "../../../contracts/indicators.ts";
import { loadECharts, loadPdfKit, loadSvgToPdf } from "../../../lib/lazyModules.ts";
import { cjkFont } from "./cjkFont.ts";
import { drawTable, type Column } from "./pdfTable.ts";

const FONT = "NotoSansSC";
const FONT_BOLD = "NotoSansSC-Bold";
const MARGIN = { top: 48, bottom: 56, left: 40, right: 40 };
const RED = "#b71c1c";
const GREY = "#595959";

const pct = (n: number | null) => (n === null ? "—" : `${(Math.round(n * 1000) / 10).toFixed(1)}%`);
const num = (n: number | null) => (n === null ? "—" : n.toFixed(2));
/** An instant as the Shanghai wall clock: 10-31 23:30 */
const shanghai = (iso: string, withTime = true) => {
  const s = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return withTime ? `${s.slice(5, 10)} ${s.slice(11, 16)}` : s.slice(0, 10);
};
const monthZh = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

const RECTIFICATION_LABELS: Record<string, string> = { VERIFY: "待核实", RESOLVE: "整改中", CALLBACK: "待回访", CLOSED: "已办结" };
const HONOUR_LABELS: Record<string, string> = { RED_FLAG_WINDOW: "红旗窗口", SERVICE_MODEL: "服务标兵" };
const kindLabel = (k: string) => ACCOUNTABILITY_KIND_LABELS[k as keyof typeof ACCOUNTABILITY_KIND_LABELS]?.zh ?? k;
const consequenceLabel = (c: string | null) => (c === null ? "—" : (CONSEQUENCE_LABELS[c as keyof typeof CONSEQUENCE_LABELS]?.zh ?? c));
const levelLabel = (l: number) => LEVEL_LABELS[l as Level]?.zh ?? String(l);

/**
 * ECharts outlines some labels with a white halo drawn under the fill (paint-order="stroke");
 * svg-to-pdfkit ignores paint-order and strokes over the glyphs, which erases small text. The halo
 * only matters over busy backgrounds, so it is dropped.
 */
export function withoutTextHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*paint-order="stroke"[^>]*>/g, (tag) => tag.replace(/\s(stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, ""));
}

/** An ECharts option as an SVG string of the given size (points: the SVG is drawn with assumePt). */
function chartSvg(echarts: Awaited<ReturnType<typeof loadECharts>>, option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return withoutTextHalos(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

export async function renderBulletinPdf(content: BulletinContent): Promise<Buffer> {
  const [regular, bold, PDFDocument, SVGtoPDF, echarts] = await Promise.all([cjkFont("regular"), cjkFont("bold"), loadPdfKit(), loadSvgToPdf(), loadECharts()]);
  const title = `${content.center.name}月度简报 ${monthZh(content.month)} ${content.department.name}`;
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: title, Author: content.center.name, Subject: "月度简报", CreationDate: new Date(content.collectedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont(FONT, regular);
  doc.registerFont(FONT_BOLD, bold);
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;

  // Header: the center, the title, the month and department, a red rule (the style of an official 简报)
  doc.font(FONT_BOLD).fontSize(22).fillColor(RED).text(`${content.center.name}`, left, MARGIN.top, { width, align: "center" });
  doc.moveDown(0.1);
  doc.font(FONT_BOLD).fontSize(26).text("月度简报", { width, align: "center", characterSpacing: 6 });
  doc.moveDown(0.2);
  doc.font(FONT).fontSize(11).fillColor("black").text(`${monthZh(content.month)}　·　${content.department.name}`, { width, align: "center" });
  doc.moveDown(0.3);
  let y = doc.y;
  doc.font(FONT).fontSize(8.5).fillColor(GREY).text(`统计期间：${content.firstDay} 至 ${content.lastDay}（北京时间）`, left, y, { width: width / 2 });
  doc.text(`生成时间：${shanghai(content.collectedAt, false)} ${shanghai(content.collectedAt).slice(6)}`, left + width / 2, y, { width: width / 2, align: "right" });
  y = doc.y + 4;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(2).strokeColor(RED).stroke();
  doc.moveTo(left, y + 3).lineTo(left + width, y + 3).lineWidth(0.6).stroke();
  doc.y = y + 12;

  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.font(FONT_BOLD).fontSize(12.5).fillColor(RED).text(text, left, doc.y, { width });
    doc.fillColor("black").moveDown(0.3);
  };
  // A paragraph is kept on one page: a last line alone on a new page reads as a page left over
  const paragraph = (text: string, size = 9.5, color = "black") => {
    doc.font(FONT).fontSize(size);
    if (doc.y + doc.heightOfString(text, { width, lineGap: 2 }) > bottom()) doc.addPage();
    doc.fillColor(color).text(text, left, doc.y, { width, lineGap: 2 });
    doc.fillColor("black").moveDown(0.5);
  };

  // 一、总体情况: the standing and the key figures, as tiles
  heading("一、总体情况");
  const s = content.standing;
  const t = content.totals;
  const ratingsTotal = t.ratings.level5 + t.ratings.level4 + t.ratings.level3 + t.ratings.level2 + t.ratings.level1;
  const tiles: [string, string, string][] = [
    ["部门月度得分", num(s.score), s.rank === null ? "本月尚未考核" : `全厅第 ${s.rank} / ${s.ranked} 名`],
    ["参评部门平均", num(s.hallAverage), s.score !== null && s.hallAverage !== null ? `${s.score >= s.hallAverage ? "高于" : "低于"}平均 ${Math.abs(s.score - s.hallAverage).toFixed(2)} 分` : "—"],
    ["在厅人员", `${content.staff.length} 人`, `评价 ${ratingsTotal} 条`],
    ["满意度", pct(t.satisfaction), `好评 ${ratingsTotal - t.badReviews} 条`],
    ["办结件数", `${t.casesCompleted} 件`, `按时办结率 ${pct(t.onTimeRate)}`],
    ["差评", `${t.badReviews} 条`, `已整改办结 ${t.badReviewsRectified} 条`],
    ["督查问题 / 责任追究", `${t.inspectionFindings} / ${t.accountabilityConfirmed}`, "追究为已确认记录"],
    ["表扬 / 荣誉", `${t.commendations} / ${content.honours.length}`, content.honours.length > 0 ? content.honours.map((h) => HONOUR_LABELS[h.kind]).join("、") : "—"],
  ];
  const perRow = 4;
  const gap = 6;
  const tileW = (width - gap * (perRow - 1)) / perRow;
  const tileH = 50;
  y = doc.y;
  tiles.forEach(([label, value, note], i) => {
    const x = left + (i % perRow) * (tileW + gap);
    const ty = y + Math.floor(i / perRow) * (tileH + gap);
    doc.roundedRect(x, ty, tileW, tileH, 3).fillAndStroke("#fafafa", "#d9d9d9");
    doc.fillColor(GREY).font(FONT).fontSize(8).text(label, x + 6, ty + 5, { width: tileW - 12, lineBreak: false, ellipsis: true });
    doc.fillColor("black").font(FONT_BOLD).fontSize(14).text(value, x + 6, ty + 16, { width: tileW - 12, lineBreak: false, ellipsis: true });
    doc.fillColor(GREY).font(FONT).fontSize(7.5).text(note, x + 6, ty + 36, { width: tileW - 12, lineBreak: false, ellipsis: true });
  });
  doc.fillColor("black");
  doc.y = y + Math.ceil(tiles.length / perRow) * (tileH + gap) + 4;

  // Charts side by side
  const chartH = 190;
  const trendW = Math.round(width * 0.56);
  const ratingsW = width - trendW - 10;
  if (doc.y + chartH > bottom()) doc.addPage();
  y = doc.y;
  const svgOptions = { assumePt: true, fontCallback: (_family: string, isBold: boolean) => (isBold ? FONT_BOLD : FONT) };
  SVGtoPDF(doc, chartSvg(echarts, bulletinTrendChartOption(content, "zh"), trendW, chartH), left, y, { ...svgOptions, width: trendW, height: chartH });
  SVGtoPDF(doc, chartSvg(echarts, bulletinRatingsChartOption(content, "zh"), ratingsW, chartH), left + trendW + 10, y, { ...svgOptions, width: ratingsW, height: chartH });
  doc.rect(left, y, trendW, chartH).lineWidth(0.5).strokeColor("#d9d9d9").stroke();
  doc.rect(left + trendW + 10, y, ratingsW, chartH).stroke();
  doc.y = y + chartH + 12;

  const table = <T>(columns: Column<T>[], rows: readonly T[], empty: string) => {
    if (rows.length === 0) return paragraph(empty, 9.5, GREY);
    drawTable(doc, { x: left, width, columns, rows, font: FONT, boldFont: FONT_BOLD, bottom: bottom(), topOfPage: MARGIN.top });
    doc.moveDown(0.8);
  };

  // 二、人员情况
  heading(`二、在厅人员月度情况（${content.staff.length} 人）`);
  type Row = BulletinContent["staff"][number];
  table<Row>(
    [
      { title: "姓名", width: 52, value: (r) => r.name },
      { title: "工号", width: 38, value: (r) => r.staffNo },
      { title: "窗口", width: 34, value: (r) => r.windows.join("、") || "—" },
      { title: "得分", width: 36, align: "right", value: (r) => num(r.score) },
      { title: "全厅排名", width: 44, align: "right", value: (r) => (r.rankInHall === null ? "—" : `${r.rankInHall}/${r.rankedInHall}`) },
      { title: "评价", width: 30, align: "right", value: (r) => String(r.ratings.level5 + r.ratings.level4 + r.ratings.level3 + r.ratings.level2 + r.ratings.level1) },
      { title: "满意度", width: 40, align: "right", value: (r) => pct(r.satisfaction) },
      { title: "办结", width: 30, align: "right", value: (r) => String(r.casesCompleted) },
      { title: "按时率", width: 40, align: "right", value: (r) => pct(r.onTimeRate) },
      { title: "差评/整改", width: 46, align: "right", value: (r) => `${r.badReviews}/${r.badReviewsRectified}` },
      { title: "督查", width: 26, align: "right", value: (r) => String(r.inspectionFindings) },
      { title: "追责", width: 26, align: "right", value: (r) => String(r.accountabilityConfirmed) },
      { title: "表扬", width: 26, align: "right", value: (r) => String(r.commendations) },
      { title: "荣誉", width: 0, value: (r) => r.honours.map((h) => HONOUR_LABELS[h.kind] ?? h.kind).join("、") || "" },
    ],
    content.staff,
    "本月该部门无在厅人员。",
  );
  paragraph(
    "说明：评价统计口径与月度考核一致（不含申诉成立的差评，以及考核规则排除的默认评价、未绑定的自发评价）；好评为非常满意、满意、基本满意，差评为不满意、非常不满意；" +
      "得分与排名取自本月最近一次月度考核；荣誉取自本月底前已公布的季度考评。",
    7.5,
    GREY,
  );

  heading(`三、差评及整改（${content.badReviews.length} 条）`);
  type Bad = BulletinContent["badReviews"][number];
  table<Bad>(
    [
      { title: "时间", width: 52, value: (b) => shanghai(b.ratedAt) },
      { title: "窗口", width: 28, value: (b) => b.windowNo },
      { title: "人员", width: 44, value: (b) => b.staffName ?? "—" },
      { title: "等级", width: 50, value: (b) => levelLabel(b.level) },
      { title: "原因", width: 100, value: (b) => b.reasons.join("、") || "—" },
      { title: "评价内容", width: 0, value: (b) => b.comment ?? "—" },
      { title: "整改", width: 44, value: (b) => (b.rectificationState === null ? "未启动" : (RECTIFICATION_LABELS[b.rectificationState] ?? b.rectificationState)) },
    ],
    content.badReviews,
    "本月无差评。",
  );

  heading(`四、督查发现（${content.findings.length} 项）`);
  type Finding = BulletinContent["findings"][number];
  table<Finding>(
    [
      { title: "时间", width: 52, value: (f) => shanghai(f.inspectedAt) },
      { title: "窗口", width: 28, value: (f) => f.windowNo },
      { title: "人员", width: 44, value: (f) => f.staffName ?? "—" },
      { title: "检查项目", width: 90, value: (f) => f.item },
      { title: "说明", width: 0, value: (f) => f.note ?? "—" },
    ],
    content.findings,
    "本月督查未发现问题。",
  );

  heading(`五、责任追究（已确认 ${content.accountability.length} 条）`);
  type Acc = BulletinContent["accountability"][number];
  table<Acc>(
    [
      { title: "时间", width: 52, value: (a) => shanghai(a.occurredAt) },
      { title: "人员", width: 44, value: (a) => a.staffName ?? "—" },
      { title: "类别", width: 50, value: (a) => kindLabel(a.kind) },
      { title: "事由", width: 0, value: (a) => a.summary },
      { title: "处理", width: 56, value: (a) => consequenceLabel(a.consequence) },
    ],
    content.accountability,
    "本月无经确认的责任追究。",
  );

  heading("六、表扬与荣誉");
  type Praise = { kind: string; at: string; who: string; summary: string };
  const praise: Praise[] = [
    ...content.honours.map((h) => ({ kind: HONOUR_LABELS[h.kind] ?? h.kind, at: h.quarter, who: h.kind === "RED_FLAG_WINDOW" ? `${h.subjectName}号窗口` : h.subjectName, summary: `${h.quarter} 季度考评${HONOUR_LABELS[h.kind] ?? ""}` })),
    ...content.commendations.map((c) => ({ kind: "表扬", at: shanghai(c.at, false), who: c.staffName ?? "—", summary: c.summary })),
  ];
  table<Praise>(
    [
      { title: "类别", width: 56, value: (p) => p.kind },
      { title: "时间", width: 64, value: (p) => p.at },
      { title: "对象", width: 70, value: (p) => p.who },
      { title: "内容", width: 0, value: (p) => p.summary },
    ],
    praise,
    "本月无表扬或荣誉。",
  );

  heading("七、中心点评");
  const comment = content.comment?.trim() ? content.comment.trim() : "（暂无点评）";
  doc.font(FONT).fontSize(10);
  const boxH = doc.heightOfString(comment, { width: width - 20, lineGap: 3 }) + 16;
  if (doc.y + boxH > bottom()) doc.addPage();
  y = doc.y;
  doc.rect(left, y, width, boxH).lineWidth(0.6).fillAndStroke("#fff8f6", "#f0b8b0");
  doc.fillColor("black").text(comment, left + 10, y + 8, { width: width - 20, lineGap: 3 });
  doc.y = y + boxH + 10;


  // Footer on every page: the page number (第 x 页 / 共 y 页) and what the document is
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - 36;
    doc.moveTo(left, fy - 6).lineTo(left + width, fy - 6).lineWidth(0.5).strokeColor("#bfbfbf").stroke();
    doc.font(FONT).fontSize(8).fillColor(GREY);
    doc.text(`${content.center.name} · 月度简报 · ${monthZh(content.month)} · ${content.department.shortName}`, left, fy, { width: width / 2, lineBreak: false });
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, left + width / 2, fy, { width: width / 2, align: "right", lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}
