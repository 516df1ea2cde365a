// The bulletin PDF (#9), read back the way a person would: pdftotext (poppler) must find the Chinese
// text — department, staff names, figures, a page number on every page — and pdfinfo an A4 page.
// A long bulletin breaks across pages without losing a row; an empty one still renders.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulletinContent, BulletinStaffRow } from "../../server/src/contracts/bulletins.ts";
import { bulletinRatingsChartOption, bulletinTrendChartOption } from "../../server/src/contracts/bulletinCharts.ts";
import { periodContaining, previousPeriod } from "../../server/src/domain/assessment/periods.ts";
import { collectBulletinContent } from "../../server/src/domain/bulletins/collectBulletinContent.ts";
import { renderBulletinPdf } from "../../server/src/domain/bulletins/pdf/renderBulletinPdf.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let content: BulletinContent;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-bulletin-pdf-"));

async function pdfText(pdf: Buffer, name: string): Promise<{ text: string; pages: string[]; info: string }> {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  // pdftotext ends every page with a form feed
  return { text, pages: text.split("\f").slice(0, -1), info };
}

/** pdftotext -layout spaces out table cells; compare without the spacing. */
const squash = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  server = await startTestServer();
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  const month = previousPeriod(periodContaining("MONTH", server.services.clock.now())).label;
  const dept = await server.services.prisma.department.findFirstOrThrow({ where: { centerId: center.id, code: "scjg" } });
  content = await collectBulletinContent(server.services.prisma, { centerId: center.id, departmentId: dept.id, month, now: server.services.clock.now() });
  content.comment = "本月窗口服务总体平稳，请督促差评整改按期办结。";
}, 120_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("renderBulletinPdf", () => {
  it("renders an A4 PDF whose Chinese text, figures and page numbers pdftotext can read", async () => {
    const pdf = await renderBulletinPdf(content);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text, pages, info } = await pdfText(pdf, "demo");
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const flat = squash(text);
    expect(flat).toContain("市中区政务服务中心");
    expect(flat).toContain("月度简报");
    expect(flat).toContain(content.department.name);
    expect(flat).toContain(`${content.month.slice(0, 4)}年${Number(content.month.slice(5))}月`);
    expect(content.staff.length).toBeGreaterThan(3);
    for (const s of content.staff) expect(flat).toContain(squash(s.name));
    // The department's score and rank, and a staff member's score
    expect(content.standing.score).not.toBeNull();
    expect(flat).toContain(content.standing.score!.toFixed(2));
    expect(flat).toContain(`全厅第${content.standing.rank}/${content.standing.ranked}名`);
    expect(flat).toContain(content.staff[0]!.score!.toFixed(2));
    expect(flat).toContain(content.comment!);
    // Each accountability record's text, and the ratings chart's labels (drawn from the SVG)
    for (const a of content.accountability) expect(flat).toContain(squash(a.summary));
    expect(flat).toContain("非常不满意");
    expect(flat).toContain(String(content.totals.ratings.level5));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => expect(squash(page)).toContain(`第${i + 1}页/共${pages.length}页`));
  });

  it("breaks a long bulletin across pages with the header repeated and every row kept", async () => {
    const template = content.staff[0]!;
    const staff: BulletinStaffRow[] = Array.from({ length: 120 }, (_, i) => ({ ...template, staffId: 10_000 + i, staffNo: `T${String(i).padStart(4, "0")}`, name: `员工${i}` }));
    const { text, pages } = await pdfText(await renderBulletinPdf({ ...content, staff }), "long");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const flat = squash(text);
    for (const s of staff) expect(flat).toContain(`${s.name}${s.staffNo}`);
    // The table's header starts every page the table continues on
    const withHeader = pages.filter((p) => squash(p).includes("姓名工号窗口得分"));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(squash(page)).toContain(`第${i + 1}页/共${pages.length}页`));
  });

  it("cuts an overlong cell instead of letting a row outgrow the page", async () => {
    const long = "群众反映".repeat(800);
    const badReviews = [{ ratedAt: new Date().toISOString(), staffName: content.staff[0]!.name, windowNo: "1", level: 1, reasons: ["态度冷淡"], comment: long, rectificationState: "VERIFY" }];
    const { text, pages } = await pdfText(await renderBulletinPdf({ ...content, badReviews }), "overlong");
    expect(pages.length).toBeLessThanOrEqual(4);
    expect(squash(text)).toContain("群众反映群众反映");
    expect(squash(text)).toContain("…");
    expect(squash(text)).toContain("待核实");
  });

  it("renders a department with nothing in the month", async () => {
    const empty: BulletinContent = {
      ...content,
      staff: [],
      totals: { ratings: { level5: 0, level4: 0, level3: 0, level2: 0, level1: 0 }, satisfaction: null, casesCompleted: 0, onTimeRate: null, badReviews: 0, badReviewsRectified: 0, inspectionFindings: 0, accountabilityConfirmed: 0, commendations: 0 },
      standing: { score: null, rank: null, ranked: 33, hallAverage: 90 },
      trend: content.trend.map((p) => ({ ...p, departmentScore: null, satisfaction: null })),
      badReviews: [],
      findings: [],
      accountability: [],
      commendations: [],
      honours: [],
      comment: null,
    };
    const { text, pages } = await pdfText(await renderBulletinPdf(empty), "empty");
    const flat = squash(text);
    expect(flat).toContain("本月该部门无在厅人员");
    expect(flat).toContain("本月尚未考核");
    expect(flat).toContain("暂无点评");
    expect(squash(pages[0]!)).toContain(`第1页/共${pages.length}页`);
  });

  it("builds chart options without animation from the content, in both languages", () => {
    const trend = bulletinTrendChartOption(content, "zh");
    expect(trend.animation).toBe(false);
    const series = trend.series as { data: (number | null)[] }[];
    expect(series[1]!.data).toEqual(content.trend.map((p) => p.departmentScore));
    expect(series[0]!.data.at(-1)).toBeCloseTo((content.totals.satisfaction ?? 0) * 100, 1);
    const ratings = bulletinRatingsChartOption(content, "en");
    expect(ratings.animation).toBe(false);
    const bars = (ratings.series as { data: { value: number }[] }[])[0]!.data.map((d) => d.value);
    const t = content.totals.ratings;
    expect(bars).toEqual([t.level5, t.level4, t.level3, t.level2, t.level1]);
    expect(JSON.stringify(ratings)).toContain("Very satisfied");
  });
});
