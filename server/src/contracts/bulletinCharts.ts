// The bulletin's two charts as ECharts options built from its content: the HTML view renders them with
// the client's EChart host (register LineChart, BarChart, GridComponent, LegendComponent,
// TitleComponent, TooltipComponent), the PDF with ECharts' server-side SVG renderer, so both show the
// same figures. Pure data in, plain option objects out: no node imports, no animation (the SVG is a
// single frame), every value labelled on the chart because a printed page has no tooltip.
import type { EChartsOption } from "echarts";
import type { BulletinContent, RatingCounts } from "./bulletins.ts";

export type BulletinChartLang = "zh" | "en";

/** One font name for both renderings; the PDF maps it to the embedded Noto Sans SC. */
export const BULLETIN_CHART_FONT = "Noto Sans SC";

const TEXT = {
  zh: {
    trendTitle: "近六个月趋势",
    score: "部门得分",
    satisfaction: "满意度（%）",
    ratingsTitle: "评价等级分布",
    count: "条数",
    month: (m: string) => `${Number(m.slice(5, 7))}月`,
    levels: { level5: "非常满意", level4: "满意", level3: "基本满意", level2: "不满意", level1: "非常不满意" },
  },
  en: {
    trendTitle: "Last six months",
    score: "Department score",
    satisfaction: "Satisfaction (%)",
    ratingsTitle: "Ratings by level",
    count: "Ratings",
    month: (m: string) => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m.slice(5, 7)) - 1] ?? m,
    levels: { level5: "Very satisfied", level4: "Satisfied", level3: "Basically", level2: "Dissatisfied", level1: "Very dissat." },
  },
} as const;

const LEVEL_ORDER: readonly (keyof RatingCounts)[] = ["level5", "level4", "level3", "level2", "level1"];
const LEVEL_COLORS: Record<keyof RatingCounts, string> = { level5: "#237804", level4: "#52c41a", level3: "#faad14", level2: "#fa541c", level1: "#a8071a" };
const SCORE_COLOR = "#c41d1d";
const SATISFACTION_COLOR_LIGHT = "rgba(22, 119, 255, 0.3)";

const round1 = (n: number) => Math.round(n * 10) / 10;

const title = (text: string) => ({ text, left: "center", top: 4, textStyle: { fontSize: 13, fontWeight: "bold" as const, fontFamily: BULLETIN_CHART_FONT } });

/** The department's score (left axis) and satisfaction in per cent (right axis) over the trend months; gaps where a month has none. */
export function bulletinTrendChartOption(content: BulletinContent, lang: BulletinChartLang): EChartsOption {
  const t = TEXT[lang];
  const scores = content.trend.map((p) => p.departmentScore);
  const satisfaction = content.trend.map((p) => (p.satisfaction === null ? null : round1(p.satisfaction * 100)));
  const known = scores.filter((s): s is number => s !== null);
  // The score axis starts below the lowest score so month-to-month changes are visible
  const scoreMin = known.length > 0 ? Math.max(0, Math.floor((Math.min(...known) - 5) / 10) * 10) : 0;
  return {
    animation: false,
    textStyle: { fontFamily: BULLETIN_CHART_FONT },
    title: title(t.trendTitle),
    tooltip: { trigger: "axis" },
    legend: { bottom: 0, data: [t.score, t.satisfaction], textStyle: { fontFamily: BULLETIN_CHART_FONT, fontSize: 11 } },
    grid: { left: 40, right: 40, top: 56, bottom: 40 },
    xAxis: { type: "category", data: content.trend.map((p) => t.month(p.month)), axisLabel: { fontSize: 11 } },
    yAxis: [
      { type: "value", name: t.score, min: scoreMin, max: 100, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: "#eee" } } },
      { type: "value", name: t.satisfaction, min: 0, max: 100, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t.satisfaction,
        type: "bar",
        yAxisIndex: 1,
        barMaxWidth: 26,
        data: satisfaction,
        itemStyle: { color: SATISFACTION_COLOR_LIGHT },
        label: { show: true, position: "insideBottom", fontSize: 9, color: "#0b3d91", formatter: "{c}%" },
      },
      {
        name: t.score,
        type: "line",
        yAxisIndex: 0,
        data: scores,
        connectNulls: false,
        symbolSize: 6,
        lineStyle: { width: 2, color: SCORE_COLOR },
        itemStyle: { color: SCORE_COLOR },
        label: { show: true, position: "top", fontSize: 10, color: SCORE_COLOR },
      },
    ],
  };
}

/** The month's counted ratings of the department by level, 非常满意 … 非常不满意. */
export function bulletinRatingsChartOption(content: BulletinContent, lang: BulletinChartLang): EChartsOption {
  const t = TEXT[lang];
  const counts = content.totals.ratings;
  return {
    animation: false,
    textStyle: { fontFamily: BULLETIN_CHART_FONT },
    title: title(t.ratingsTitle),
    tooltip: { trigger: "axis" },
    // Horizontal bars: the five level names fit beside them at any width
    grid: { left: 8, right: 36, top: 36, bottom: 12, containLabel: true },
    yAxis: { type: "category", inverse: true, data: LEVEL_ORDER.map((l) => t.levels[l]), axisLabel: { fontSize: 10 }, axisTick: { show: false } },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 9 }, splitLine: { lineStyle: { color: "#eee" } } },
    series: [
      {
        name: t.count,
        type: "bar",
        barMaxWidth: 18,
        data: LEVEL_ORDER.map((l) => ({ value: counts[l], itemStyle: { color: LEVEL_COLORS[l] } })),
        label: { show: true, position: "right", fontSize: 10 },
      },
    ],
  };
}
