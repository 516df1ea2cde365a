// The report's chart: ratings by level per period as stacked bars (非常满意 … 非常不满意), and the good
// rate as a line on a second axis. Only the pieces used are registered with ECharts.
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { LEVELS, LEVEL_LABELS } from "../../../../../server/src/contracts/indicators.ts";
import type { RatingReportDto } from "../../../../../server/src/contracts/ratingReports.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { EChart } from "../../assessment/components/EChart.tsx";
import { useReportText } from "../text.ts";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const LEVEL_COLOURS = { 5: "#0a6b2e", 4: "#5b9a2f", 3: "#c9a227", 2: "#d46b08", 1: "#a8071a" } as const;

export function RatingReportChart({ report }: { report: RatingReportDto }) {
  const { lang, rt } = useReportText();
  const option = useMemo((): EChartsCoreOption => {
    // Per period, the sum over the subjects shown (the hall has one subject)
    const sums = report.periods.map((period) => {
      const rows = report.rows.filter((r) => r.period === period);
      const levels = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
      for (const r of rows) for (const l of LEVELS) levels[l] += r.levels[l];
      const total = LEVELS.reduce((s, l) => s + levels[l], 0);
      return { levels, goodRate: total === 0 ? null : Math.round(((levels[5] + levels[4] + levels[3]) / total) * 1000) / 10 };
    });
    return {
      animation: false,
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: report.periods },
      yAxis: [
        { type: "value", name: rt.ratings, minInterval: 1 },
        { type: "value", name: rt.goodRate, min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      ],
      series: [
        ...LEVELS.map((level) => ({
          type: "bar",
          name: pickLabel(LEVEL_LABELS[level], lang),
          stack: "levels",
          barMaxWidth: 48,
          itemStyle: { color: LEVEL_COLOURS[level] },
          data: sums.map((s) => s.levels[level]),
        })),
        { type: "line", name: rt.goodRate, yAxisIndex: 1, data: sums.map((s) => s.goodRate), connectNulls: false, itemStyle: { color: "#0b4dbb" } },
      ],
    };
  }, [report, lang, rt]);
  return <EChart option={option} style={{ height: 320, width: "100%" }} testId="rating-report-chart" />;
}
